import type { AzureLogger } from '@azure/logger';
import { azureLoggerModule } from '#platform';
import { redactText } from './redact.js';

/** Log levels, least to most severe, as in `@azure/logger`. */
export type AzlroLogLevel = 'verbose' | 'info' | 'warning' | 'error';

/** A logger with one method per level; the pipeline writes one line per request, response and retry. */
export interface AzlroLogger {
  /** Per-request detail: each attempt and response, each poll. Messages arrive already redacted. */
  verbose(message: string): void;
  /** Notable steps. Messages arrive already redacted. */
  info(message: string): void;
  /** Something azlro worked around: a retry, an ignored `Retry-After`, an unknown status word. Already redacted. */
  warning(message: string): void;
  /** A failure. Already redacted. */
  error(message: string): void;
}

/** The levels, least to most severe: the methods every {@link AzlroLogger} has. */
export const LOG_LEVELS: readonly AzlroLogLevel[] = ['verbose', 'info', 'warning', 'error'];

/**
 * The `@azure/logger` logger behind each logger {@link createLogger} made, made on first use (so
 * `@azure/logger` loads with the first log line or level check, not on import): its level is known
 * before a line is built.
 */
const azureLoggers = new WeakMap<AzlroLogger, () => AzureLogger>();

/** A logger whose every level calls that level of `target()` with the message passed through `redact`. */
function wrap(target: () => AzlroLogger | AzureLogger, redact: (text: string) => string): AzlroLogger {
  return Object.fromEntries(LOG_LEVELS.map((level) => [level, (message: string) => target()[level](redact(message))])) as unknown as AzlroLogger;
}

/**
 * A logger for `namespace` (e.g. `azlro:http`) that writes through `@azure/logger`, as every Azure
 * SDK package does: `AZURE_LOG_LEVEL`, `setLogLevel()` and `AzureLogger.log` from `@azure/logger`
 * decide what is written and where (stderr by default), under `azure:<namespace>:<level>`. azlro
 * keeps no logging state of its own. Every message is redacted ({@link redactText}) first.
 */
export function createLogger(namespace: string): AzlroLogger {
  let made: AzureLogger | undefined;
  const azure = () => (made ??= azureLoggerModule().createClientLogger(namespace));
  const log = wrap(azure, redactText);
  azureLoggers.set(log, azure);
  return log;
}

/**
 * Would `log` write a `level` message? False only for one of this package's loggers whose level is
 * off in `@azure/logger`, so hot paths can skip building the line; a caller's logger always gets its call.
 */
export function isLogEnabled(log: AzlroLogger, level: AzlroLogLevel): boolean {
  const azure = azureLoggers.get(log);
  return azure === undefined || LOG_LEVELS.includes(level) === false || azure()[level].enabled;
}

/**
 * Wraps a logger so that it only ever sees messages passed through `redact` (a pipeline's own
 * redactor). A wrapped package logger keeps its level check.
 */
export function redactingLogger(target: AzlroLogger, redact: (text: string) => string = redactText): AzlroLogger {
  const log = wrap(() => target, redact);
  const azure = azureLoggers.get(target);
  if (azure) azureLoggers.set(log, azure);
  return log;
}

/** The package logger (`@azure/logger` namespace `azure:azlro:http`). */
export const logger: AzlroLogger = createLogger('azlro:http');
