import { type AzlroLogger, checkClock, type Clock, createLogger, redactingLogger, systemClock } from '@azlro/http/internal';
import type { PollOptions, PollerOptions } from './options.js';

/** {@link PollerOptions} checked, with defaults applied. */
export interface ResolvedPollerOptions {
  readonly abortSignal: AbortSignal | undefined;
  readonly intervalInMs: number;
  readonly minIntervalInMs: number;
  readonly maxIntervalInMs: number;
  readonly timeoutInMs: number;
  readonly maxProtocolFaultRetries: number;
  /** The endpoint's origin first, then `allowedPollingOrigins`. */
  readonly pollingOrigins: readonly string[];
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly log: AzlroLogger;
  readonly clock: Clock;
  readonly shareThrottling: boolean;
}

const packageLogger = createLogger('azlro:lro');

/** Shortest wait between polls unless the caller says otherwise: a `Retry-After: 0` or a past date never floods the service. */
export const DEFAULT_MIN_INTERVAL_IN_MS = 1_000;
/** Longest wait between polls unless the caller says otherwise: a `Retry-After` of days is cut to this (and logged). */
export const DEFAULT_MAX_INTERVAL_IN_MS = 600_000;
/** Unusable polling answers in a row that are polled again before the wait ends with `PollingProtocolError`. */
export const DEFAULT_MAX_PROTOCOL_FAULT_RETRIES = 3;

function duration(name: string, value: unknown, fallback: number, allowInfinity: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number of milliseconds; got ${typeof value}`);
  if (!(value >= 0) || (!allowInfinity && !Number.isFinite(value))) {
    throw new RangeError(`${name} must be a non-negative ${allowInfinity ? '' : 'finite '}number of milliseconds; got ${value}`);
  }
  return value;
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean; got ${typeof value}`);
  return value;
}

/** Throws a TypeError unless `value` is an AbortSignal (or undefined). */
export function checkAbortSignal(name: string, value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new TypeError(`${name} must be an AbortSignal; got ${value === null ? 'null' : typeof value}`);
}

/** Checks the options of `poll()` / `pollUntilDone()`. */
export function checkPollOptions(options: PollOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  return checkAbortSignal('abortSignal', options.abortSignal);
}

function origins(endpoint: string, allowed: unknown): string[] {
  const list = [new URL(endpoint).origin];
  if (allowed === undefined) return list;
  if (!Array.isArray(allowed)) throw new TypeError('allowedPollingOrigins must be an array of origins');
  for (const value of allowed as unknown[]) {
    const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== (value as string).replace(/\/$/, '')) {
      throw new TypeError(`allowedPollingOrigins must hold origins like https://host[:port]; got ${JSON.stringify(value)}`);
    }
    list.push(url.origin);
  }
  return list;
}

function headers(value: unknown): Readonly<Record<string, string>> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new TypeError('headers must be an object of header names and string values');
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new TypeError(`headers[${JSON.stringify(name)}] must be a string; got ${typeof v}`);
  }
  return { ...(value as Record<string, string>) };
}

function logger(value: unknown): AzlroLogger {
  if (value === undefined) return packageLogger;
  const candidate = value as Partial<AzlroLogger> | null;
  const levels = ['verbose', 'info', 'warning', 'error'] as const;
  if (typeof candidate !== 'object' || candidate === null || levels.some((level) => typeof candidate[level] !== 'function')) {
    throw new TypeError('logger must have verbose, info, warning and error methods');
  }
  return redactingLogger(candidate as AzlroLogger);
}

/** Checks every option, naming the offending one, before anything is sent. */
export function resolvePollerOptions(options: PollerOptions | undefined, endpoint: string): ResolvedPollerOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('options must be an object');
  const o = options ?? {};
  const maxIntervalInMs = duration('maxIntervalInMs', o.maxIntervalInMs, DEFAULT_MAX_INTERVAL_IN_MS, true);
  // A caller's ceiling below the default floor lowers the floor with it rather than failing.
  const minIntervalInMs = duration('minIntervalInMs', o.minIntervalInMs, Math.min(DEFAULT_MIN_INTERVAL_IN_MS, maxIntervalInMs), false);
  const maxProtocolFaultRetries = duration('maxProtocolFaultRetries', o.maxProtocolFaultRetries, DEFAULT_MAX_PROTOCOL_FAULT_RETRIES, false);
  if (!Number.isInteger(maxProtocolFaultRetries)) throw new RangeError(`maxProtocolFaultRetries must be a non-negative integer; got ${maxProtocolFaultRetries}`);
  if (minIntervalInMs > maxIntervalInMs) {
    throw new RangeError(`minIntervalInMs (${minIntervalInMs}) must not exceed maxIntervalInMs (${maxIntervalInMs})`);
  }
  const timeoutInMs = duration('timeoutInMs', o.timeoutInMs, Infinity, true);
  if (timeoutInMs === 0) throw new RangeError('timeoutInMs must be greater than 0');
  return {
    abortSignal: checkAbortSignal('abortSignal', o.abortSignal),
    intervalInMs: duration('intervalInMs', o.intervalInMs, 2000, false),
    minIntervalInMs,
    maxIntervalInMs,
    timeoutInMs,
    maxProtocolFaultRetries,
    pollingOrigins: origins(endpoint, o.allowedPollingOrigins),
    headers: headers(o.headers),
    log: logger(o.logger),
    clock: checkClock(o.clock) ?? systemClock,
    shareThrottling: flag('shareThrottling', o.shareThrottling, true),
  };
}
