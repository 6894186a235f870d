import { readEnv } from '../runtime.js';
import { redactText } from './redact.js';

/** Log levels, least to most severe, as in `@azure/logger`. */
export type AzlroLogLevel = 'verbose' | 'info' | 'warning' | 'error';
const LEVELS: readonly AzlroLogLevel[] = ['verbose', 'info', 'warning', 'error'];

/** Where log lines go. Messages arrive already redacted. */
export type LogSink = (level: AzlroLogLevel, namespace: string, message: string) => void;

/** A logger with one method per level; the pipeline writes one line per request, response and retry. */
export interface AzlroLogger {
  verbose(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

function parseLevel(value: string | undefined): AzlroLogLevel | undefined {
  const level = value?.trim().toLowerCase();
  return LEVELS.find((l) => l === level);
}

const defaultSink: LogSink = (level, namespace, message) => console.error(`${namespace}:${level} ${message}`);
let currentLevel = parseLevel(readEnv('AZLRO_LOG_LEVEL') || readEnv('AZURE_LOG_LEVEL'));
let sink: LogSink = defaultSink;

/**
 * Enables logging at `level` and above; `undefined` turns it off.
 * @default the `AZLRO_LOG_LEVEL` or `AZURE_LOG_LEVEL` environment variable, else off
 */
export function setLogLevel(level?: AzlroLogLevel): void {
  if (level !== undefined && !LEVELS.includes(level)) {
    throw new RangeError(`level must be one of ${LEVELS.join(', ')}; got ${JSON.stringify(level)}`);
  }
  currentLevel = level;
}

/** The level in force, or undefined when logging is off. */
export function getLogLevel(): AzlroLogLevel | undefined {
  return currentLevel;
}

/** Replaces where log lines go; `undefined` restores the default (`console.error`, i.e. stderr). */
export function setLogSink(next?: LogSink): void {
  if (next !== undefined && typeof next !== 'function') throw new TypeError('sink must be a function');
  sink = next ?? defaultSink;
}

/** Loggers made by {@link createLogger}: the only ones whose level is known before a message is built. */
const levelled = new WeakSet<AzlroLogger>();

function atLevel(level: AzlroLogLevel): boolean {
  return currentLevel !== undefined && LEVELS.indexOf(level) >= LEVELS.indexOf(currentLevel);
}

/**
 * Would `log` write a `level` message? False only for one of this package's loggers below the level
 * in force, so hot paths can skip building the line; a caller's logger always gets its call.
 */
export function isLogEnabled(log: AzlroLogger, level: AzlroLogLevel): boolean {
  return !levelled.has(log) || atLevel(level);
}

/** A logger for `namespace` that honours the global level and sink and redacts every message. */
export function createLogger(namespace: string): AzlroLogger {
  const at = (level: AzlroLogLevel) => (message: string) => {
    if (atLevel(level)) sink(level, namespace, redactText(message));
  };
  const log: AzlroLogger = { verbose: at('verbose'), info: at('info'), warning: at('warning'), error: at('error') };
  levelled.add(log);
  return log;
}

/**
 * Wraps a caller's logger so that it, too, only ever sees redacted messages. One of this package's
 * loggers redacts already (and redacting is idempotent), so it is used as it is and keeps its level check.
 */
export function redactingLogger(target: AzlroLogger): AzlroLogger {
  if (levelled.has(target)) return target;
  return {
    verbose: (m) => target.verbose(redactText(m)),
    info: (m) => target.info(redactText(m)),
    warning: (m) => target.warning(redactText(m)),
    error: (m) => target.error(redactText(m)),
  };
}

/** The package logger (namespace `azlro:http`). */
export const logger: AzlroLogger = createLogger('azlro:http');
