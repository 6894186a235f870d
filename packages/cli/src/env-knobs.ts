import { quoted } from './sanitize.js';
import { UsageError } from './usage-error.js';

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

/** A whole number of milliseconds from the environment (`min` and up), else undefined (see {@link checkEnvKnobs}). */
export function envMilliseconds(env: Readonly<Record<string, string | undefined>>, name: string, min = 0): number | undefined {
  const value = env[name]?.trim();
  return value !== undefined && /^\d+$/.test(value) && Number(value) >= min ? Number(value) : undefined;
}

/** The levels `AZLRO_LOG_LEVEL` takes (case-insensitive), quietest last. */
export const LOG_LEVELS = ['verbose', 'info', 'warning', 'error'] as const;

/** Each millisecond knob with its least value. */
const MILLISECOND_KNOBS: readonly [name: string, min: number][] = [[TRY_TIMEOUT_ENV, 1], [MIN_POLL_INTERVAL_ENV, 0], [EMULATOR_START_TIMEOUT_ENV, 1]];

/**
 * Throws a {@link UsageError} (exit 2, before anything is sent) naming the first of azlro's own
 * environment knobs that is set to a value it cannot use: the millisecond knobs above (a whole
 * number, their least value and up) and `AZLRO_LOG_LEVEL` (one of {@link LOG_LEVELS}), as a bad
 * `AZURE_CORE_OUTPUT` is. Unset or blank variables are absent. `AZURE_LOG_LEVEL`, shared with every
 * Azure SDK, is left to @azure/logger's own warning.
 */
export function checkEnvKnobs(env: Readonly<Record<string, string | undefined>>): void {
  for (const [name, min] of MILLISECOND_KNOBS) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '' && envMilliseconds(env, name, min) === undefined) {
      throw new UsageError(`${name} must be a whole number of milliseconds, ${min} or more; got ${quoted(value)}`);
    }
  }
  const level = env.AZLRO_LOG_LEVEL;
  if (level !== undefined && level.trim() !== '' && !(LOG_LEVELS as readonly string[]).includes(level.trim().toLowerCase())) {
    throw new UsageError(`AZLRO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${quoted(level)}`);
  }
}
