import type { CommandContext } from './context.js';

/** Restores the global log settings a command changed. */
export type RestoreLogging = () => void;

/**
 * Routes @azlro/http's log lines (already redacted) to stderr, above the live progress line:
 * every HTTP exchange with `--verbose`, else warnings (retries, unknown statuses) and errors, or
 * whatever `AZLRO_LOG_LEVEL` / `AZURE_LOG_LEVEL` asks for. Loaded only by commands that send requests.
 */
export async function configureLogging(ctx: CommandContext): Promise<RestoreLogging> {
  const { getLogLevel, setLogLevel, setLogSink } = await import('@azlro/http');
  const previous = getLogLevel();
  setLogLevel(ctx.options.onlyShowErrors ? 'error' : ctx.options.verbose ? 'verbose' : (previous ?? 'warning'));
  const { errStyle: style } = ctx;
  setLogSink((level, namespace, message) => {
    const paint = level === 'error' ? style.red : level === 'warning' ? style.yellow : style.dim;
    ctx.line.print(paint(`${namespace}:${level} ${message}`), level === 'error');
  });
  return () => {
    setLogSink(undefined);
    setLogLevel(previous);
  };
}
