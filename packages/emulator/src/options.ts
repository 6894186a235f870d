import { type AzlroLogger, checkClock, type Clock, systemClock } from '@azlro/http/internal';
import type { EmulatorTlsOptions } from './front-door.js';
import { EMULATOR_BATCH_ACCOUNT_KEY, emulatorInfo } from './info.js';

/** How long the emulated work takes. Short values suit tests; the defaults keep a demo short. */
export interface EmulatorTimings {
  /**
   * How long an aborted cluster operation stays Canceling (status `InProgress`) before it is Canceled.
   * @default 3000
   */
  abortInMs?: number;
  /**
   * How long a command runs, counted from the first time its result is read.
   * @default 2000
   */
  commandInMs?: number;
  /**
   * How long an offer's cancel operation stays `running` before it is `completed`.
   * @default 2000
   */
  offerCancelInMs?: number;
  /**
   * The `Retry-After` (whole seconds) sent with every "still running" answer.
   * @default 1
   */
  retryAfterInSeconds?: number;
}

/** A Batch account whose Shared Key signatures the emulator accepts. */
export interface BatchAccount {
  /** Account name, as in `Authorization: SharedKey <name>:<signature>`. */
  name: string;
  /** The base64 account key. */
  key: string;
}

/** Deliberate misbehaviour, for testing the emulator itself (or watching Prism catch drift). */
export interface EmulatorFaults {
  /**
   * The backend replaces every JSON body with one that breaks the specs; Prism must turn each into
   * a 500 with an `sl-violations` header.
   * @default false
   */
  invalidResponseBodies?: boolean;
}

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /**
   * First port: ARM listens on it, Cloud Partner on `port + 1`, Batch on `port + 2`. `0` picks
   * three free ports.
   * @default 0
   */
  port?: number;
  /**
   * Where to listen. Only loopback: the emulator accepts any bearer token.
   * @default '127.0.0.1'
   */
  host?: '127.0.0.1';
  /** How long each simulated operation runs, and the Retry-After it advertises. @default the defaults of each {@link EmulatorTimings} field */
  timings?: EmulatorTimings;
  /**
   * Whose time the operations run on: when each began and ends (`timings`), and the times they
   * report. A test that passes a `ManualClock` (`@azlro/http/testing`) decides when "Canceling"
   * becomes "Canceled" by moving that clock; nothing happens while it stands still.
   * @default systemClock (real time)
   */
  clock?: Clock;
  /**
   * End every operation on its n-th poll instead of on time: an abort answers `InProgress` (and 202
   * on its result URL) to its first n-1 reads of either URL and is done from the n-th; a command
   * result is 202 to the first read and n-1 polls after it, then 200; an offer cancel is `running`
   * n-1 times, then `completed`. The `timings` durations are then not used (`retryAfterInSeconds`
   * still is). For tests whose client runs in another process, where no test clock can reach: the
   * answers are the same however busy the machine is.
   * @default undefined (operations end on time)
   */
  pollsUntilDone?: number;
  /**
   * Accounts accepted for Batch Shared Key.
   * @default [{ name: 'azlroemulator', key: EMULATOR_BATCH_ACCOUNT_KEY }]
   */
  batchAccounts?: readonly BatchAccount[];
  /**
   * Answer every certificate cancel deletion 400 `CertificateRetired`, as the real service does
   * since the feature was retired (otherwise only thumbprints starting with `dead` do).
   * @default false
   */
  certificatesRetired?: boolean;
  /** One line per request (`METHOD path -> status`), never a credential. @default the `azlro:emulator` logger of `@azlro/http` (through `@azure/logger`: off unless `AZURE_LOG_LEVEL` is set) */
  logger?: AzlroLogger;
  /**
   * How long to wait for each Prism proxy to read its spec and listen.
   * @default 30000
   */
  startTimeoutInMs?: number;
  /** Stops a start-up in progress; everything started so far is stopped again. @default none */
  abortSignal?: AbortSignal;
  /** Test-only faults, e.g. responses that break the spec, to prove Prism catches them. @default none */
  faults?: EmulatorFaults;
  /**
   * Serve every endpoint over https with this certificate (valid for 127.0.0.1), for clients that
   * refuse bearer tokens over http, such as the official Azure SDKs. Polling URLs then use https too.
   * @default none (http)
   */
  tls?: EmulatorTlsOptions;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  host: '127.0.0.1';
  timings: Required<EmulatorTimings>;
  clock: Clock;
  pollsUntilDone: number | undefined;
  batchAccounts: readonly BatchAccount[];
  certificatesRetired: boolean;
  logger: AzlroLogger | undefined;
  startTimeoutInMs: number;
  abortSignal: AbortSignal | undefined;
  faults: Required<EmulatorFaults>;
  tls: EmulatorTlsOptions | undefined;
}

const DEFAULT_TIMINGS: Required<EmulatorTimings> = {
  abortInMs: 3_000,
  commandInMs: 2_000,
  offerCancelInMs: 2_000,
  retryAfterInSeconds: 1,
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `value`, or `fallback` when undefined. @throws TypeError/RangeError naming `name` unless a finite number ≥ 0 (an integer when `whole`). */
export function nonNegative(name: string, value: unknown, fallback: number, whole = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number; got ${typeof value}`);
  if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a non-negative ${whole ? 'integer' : 'finite number'}; got ${value}`);
  }
  return value;
}

function batchAccounts(accounts: readonly BatchAccount[] | undefined): readonly BatchAccount[] {
  if (accounts === undefined) return [{ name: emulatorInfo.batch.accountName, key: EMULATOR_BATCH_ACCOUNT_KEY }];
  if (!Array.isArray(accounts) || accounts.length === 0) throw new TypeError('batchAccounts must be a non-empty array of { name, key }');
  return accounts.map(({ name, key }, i) => {
    if (typeof name !== 'string' || !/^[^\s:]+$/.test(name)) {
      throw new TypeError(`batchAccounts[${i}].name must be a non-empty string without whitespace or ':'`);
    }
    if (typeof key !== 'string' || !BASE64.test(key)) throw new TypeError(`batchAccounts[${i}].key must be a base64 string`);
    return { name, key };
  });
}

function tlsOptions(tls: EmulatorTlsOptions | undefined): EmulatorTlsOptions | undefined {
  if (tls === undefined) return undefined;
  const pem = (value: unknown) => typeof value === 'string' || Buffer.isBuffer(value);
  if (typeof tls !== 'object' || tls === null || !pem(tls.cert) || !pem(tls.key)) {
    throw new TypeError('tls must be { cert, key }, each a PEM string or Buffer');
  }
  return { cert: tls.cert, key: tls.key };
}

/** Checks every option, naming the offending one, before anything starts. */
export function resolveOptions(options: StartEmulatorOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const port = nonNegative('port', options.port, 0, true);
  if (port !== 0 && (port < 1 || port > 65_533)) throw new RangeError(`port must be 0 or from 1 to 65533 (three ports are used); got ${port}`);
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new RangeError(`host must be '127.0.0.1'; got ${JSON.stringify(host)}`);
  const timings = options.timings ?? {};
  if (typeof timings !== 'object' || timings === null) throw new TypeError('timings must be an object');
  if (options.abortSignal !== undefined && !(options.abortSignal instanceof AbortSignal)) throw new TypeError('abortSignal must be an AbortSignal');
  const polls = options.pollsUntilDone;
  if (polls !== undefined && typeof polls !== 'number') throw new TypeError(`pollsUntilDone must be a number; got ${typeof polls}`);
  if (polls !== undefined && !(Number.isInteger(polls) && polls >= 1)) throw new RangeError(`pollsUntilDone must be a positive integer; got ${polls}`);
  return {
    port,
    host,
    timings: {
      abortInMs: nonNegative('timings.abortInMs', timings.abortInMs, DEFAULT_TIMINGS.abortInMs),
      commandInMs: nonNegative('timings.commandInMs', timings.commandInMs, DEFAULT_TIMINGS.commandInMs),
      offerCancelInMs: nonNegative('timings.offerCancelInMs', timings.offerCancelInMs, DEFAULT_TIMINGS.offerCancelInMs),
      retryAfterInSeconds: nonNegative('timings.retryAfterInSeconds', timings.retryAfterInSeconds, DEFAULT_TIMINGS.retryAfterInSeconds, true),
    },
    clock: checkClock(options.clock) ?? systemClock,
    pollsUntilDone: polls,
    batchAccounts: batchAccounts(options.batchAccounts),
    certificatesRetired: options.certificatesRetired ?? false,
    logger: options.logger,
    startTimeoutInMs: nonNegative('startTimeoutInMs', options.startTimeoutInMs, 30_000),
    abortSignal: options.abortSignal,
    faults: { invalidResponseBodies: options.faults?.invalidResponseBodies ?? false },
    tls: tlsOptions(options.tls),
  };
}
