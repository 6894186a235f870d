export { startEmulator, type RunningEmulator } from './start-emulator.js';
export type { BatchAccount, EmulatorFaults, EmulatorTimings, StartEmulatorOptions } from './options.js';
export type { EmulatorTlsOptions } from './front-door.js';
export {
  EMULATOR_BATCH_ACCOUNT_KEY,
  emulatorInfo,
  OUTCOME_PREFIXES,
  type EmulatorEndpoints,
  type EmulatorInfo,
  type EmulatorService,
} from './info.js';
export { startPrism, type RunningPrism, type StartPrismOptions } from './prism.js';
