import type { TestProject } from 'vitest/node';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: EmulatorInfo;
  }
}

// One emulator for the whole run; tests read its endpoints with inject('emulator').
// Operations end on their 4th poll, not after a time: the same answers however busy the machine is,
// and Prism gets two minutes to start on a loaded machine (it takes ~2 s on a quiet one).
export default async function setup(project: TestProject) {
  const emulator = await startEmulator({ pollsUntilDone: 4, startTimeoutInMs: 120_000 });
  project.provide('emulator', emulator.info);
  return () => emulator.close();
}
