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
    // Aborts and offer cancels stay running 3 s: tests read them several times while running, and
    // on a busy machine (every request crosses a front door and Prism) 1 s was not always enough.
    timings: { abortInMs: 3_000, commandInMs: 1_000, offerCancelInMs: 3_000 },
  });
  project.provide('emulator', emulator.info);
  return () => emulator.close();
}
