import type { TestProject } from 'vitest/node';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: EmulatorInfo;
  }
}

/**
 * One emulator for the browser test and the recipes. Every operation ends on its 2nd poll, whatever
 * the time (the page and the recipes poll from where no test clock reaches), and each "still
 * running" answer asks for `Retry-After: 1`: an abort takes two polls a second apart, on any machine.
 */
export default async function setup(project: TestProject) {
  // Two minutes for Prism on a loaded machine (it takes ~2 s on a quiet one).
  const emulator = await startEmulator({ pollsUntilDone: 2, timings: { retryAfterInSeconds: 1 }, startTimeoutInMs: 120_000 });
  project.provide('emulator', emulator.info);
  return () => emulator.close();
}
