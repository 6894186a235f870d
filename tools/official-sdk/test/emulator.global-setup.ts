import type { TestProject } from 'vitest/node';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';
import { makeLoopbackCertificates } from './certificates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulator: EmulatorInfo;
    /** The CA that signed the emulator's certificate (PEM). */
    emulatorCa: string;
  }
}

/**
 * One emulator over https for the whole run. Short timings: an abort stays Canceling for 1.5 s, a
 * command runs 1 s; with `Retry-After: 1` and the SDKs' own intervals that is a few polls each.
 */
export default async function setup(project: TestProject) {
  const { ca, cert, key } = makeLoopbackCertificates();
  const emulator = await startEmulator({
    tls: { cert, key },
    startTimeoutInMs: 120_000, // Prism on a busy CI machine: see TEST_PRISM_START_TIMEOUT_IN_MS in @azlro/prism
    timings: { abortInMs: 1_500, commandInMs: 1_000, retryAfterInSeconds: 1 },
  });
  project.provide('emulator', emulator.info);
  project.provide('emulatorCa', ca);
  return () => emulator.close();
}
