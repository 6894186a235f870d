import type { TestProject } from 'vitest/node';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: EmulatorInfo;
  }
}

/**
 * One emulator for the browser test and the recipes. Short timings: an abort stays Canceling for
 * 1.5 s, so with `Retry-After: 1` it takes two polls; commands and offer cancels run 1 s.
 */
export default async function setup(project: TestProject) {
  const emulator = await startEmulator({
    timings: { abortInMs: 1_500, commandInMs: 1_000, offerCancelInMs: 1_000, retryAfterInSeconds: 1 },
  });
  project.provide('emulator', emulator.info);
  return () => emulator.close();
}
