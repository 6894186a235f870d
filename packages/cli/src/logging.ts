import type { AzlroLogger } from '@azlro/http';
import type { CommandContext } from './context.js';
import { LOG_LEVELS as LEVELS } from './env-knobs.js';

type Level = (typeof LEVELS)[number];

/**
 * The level a command logs at: every HTTP exchange with `--verbose`, else what `AZURE_LOG_LEVEL`
 * (or `AZLRO_LOG_LEVEL`) asks for, else warnings (retries, unknown statuses) and errors.
 */
function levelOf(ctx: CommandContext): Level {
  if (ctx.options.onlyShowErrors) return 'error';
  if (ctx.options.verbose) return 'verbose';
  const asked = (ctx.io.env.AZLRO_LOG_LEVEL || ctx.io.env.AZURE_LOG_LEVEL || '').trim().toLowerCase();
  return LEVELS.find((level) => level === asked) ?? 'warning';
}

/**
 * A logger for one command, handed to each client and poller it creates (their `logger` option):
 * lines (already redacted by the pipeline) go to stderr above the live progress line, as
 * `<namespace>:<level> <message>`. Nothing process-wide is changed, so commands run in one process
 * (the demo, tests) cannot disturb each other's logging.
 */
export function cliLogger(ctx: CommandContext, namespace: 'azlro:http' | 'azlro:lro'): AzlroLogger {
  const threshold = LEVELS.indexOf(levelOf(ctx));
  const { errStyle: style } = ctx;
  const at = (level: Level) => (message: string) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const paint = level === 'error' ? style.red : level === 'warning' ? style.yellow : style.dim;
    ctx.line.print(paint(`${namespace}:${level} ${message}`), level === 'error');
  };
  return { verbose: at('verbose'), info: at('info'), warning: at('warning'), error: at('error') };
}
