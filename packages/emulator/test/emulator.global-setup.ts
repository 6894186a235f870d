import type { TestProject } from 'vitest/node';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: EmulatorInfo;
  }
}

// One emulator for the whole run; tests read its endpoints with inject('emulator').
export default async function setup(project: TestProject) {
  const emulator = await startEmulator({
    timings: { abortInMs: 1_000, commandInMs: 1_000, offerCancelInMs: 1_000 },
  });
  project.provide('emulator', emulator.info);
  return () => emulator.close();
}
