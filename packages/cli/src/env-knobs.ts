/**
 * Environment knobs of the CLI beyond its flags. `AZLRO_MIN_POLL_INTERVAL_MS` lowers the poller's
 * 1 s floor between polls: for tests and the fault matrix (`npm run test:faults`), so a run of many
 * polls does not take many seconds; people have no reason to set it.
 */
export const MIN_POLL_INTERVAL_ENV = 'AZLRO_MIN_POLL_INTERVAL_MS';
/**
 * The per-try time limit of every request (headers and body), in milliseconds, when not the
 * library's default (60 s): a request accepted and never answered is cut and retried.
 */
export const TRY_TIMEOUT_ENV = 'AZLRO_TRY_TIMEOUT_MS';
/**
 * How long `azlro demo` and `azlro emulator` wait for the emulator's Prism proxies to listen, in
 * milliseconds (1 and up), when not {@link DEFAULT_EMULATOR_START_TIMEOUT_IN_MS}: a busy machine
 * (CI under load) can take far longer than an idle one; the tests set it high.
 */
export const EMULATOR_START_TIMEOUT_ENV = 'AZLRO_EMULATOR_START_TIMEOUT_MS';
/** The emulator start-up limit without {@link EMULATOR_START_TIMEOUT_ENV}: 120 s (an idle start takes about 1-2 s). */
export const DEFAULT_EMULATOR_START_TIMEOUT_IN_MS = 120_000;

/** The emulator start-up limit of `azlro demo` / `azlro emulator`, from {@link EMULATOR_START_TIMEOUT_ENV} or the default. */
export function emulatorStartTimeoutInMs(env: Readonly<Record<string, string | undefined>>): number {
  return envMilliseconds(env, EMULATOR_START_TIMEOUT_ENV, 1) ?? DEFAULT_EMULATOR_START_TIMEOUT_IN_MS;
}

/** A whole number of milliseconds from the environment (`min` and up), else undefined. */
export function envMilliseconds(env: Readonly<Record<string, string | undefined>>, name: string, min = 0): number | undefined {
  const value = env[name];
  return value !== undefined && /^\d+$/.test(value) && Number(value) >= min ? Number(value) : undefined;
}
