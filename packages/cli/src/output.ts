import type { CommandContext } from './context.js';
import { EXIT_CODES } from './exit-codes.js';
import { ttys } from './io.js';
import { toJson, waitCommand, type Report } from './report.js';
import { formatDuration, plural, type Style } from './style.js';

/**
 * Control characters (but newline and tab) escaped: error messages can carry what a user typed or
 * what a service answered, and neither may drive the terminal.
 */
const safe = (text: string | undefined) => text?.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Printed after an input error (exit 2). */
export const HELP_HINT = 'Run `azlro --help` for usage.';

/**
 * Prints the report once, at the end: the JSON object on stdout in the `--output` format (after
 * `--query`), or text for people. In text mode the outcome of the operation goes to stdout, and errors that kept the
 * command from doing its job (exit 2, 3) to stderr.
 */
export function printReport(ctx: CommandContext, report: Report): void {
  ctx.line.clear();
  if (ctx.options.output !== 'text') {
    ctx.io.stdout(ctx.format(toJson(report)));
    const hint = stderrHint(ctx, report);
    if (hint) ctx.line.print(hint, report.exitCode === EXIT_CODES.usage || report.exitCode === EXIT_CODES.serviceError);
    return;
  }
  const toStderr = report.exitCode === EXIT_CODES.usage || report.exitCode === EXIT_CODES.serviceError;
  const style = toStderr ? ctx.errStyle : ctx.outStyle;
  const text = renderText(report, style);
  if (toStderr) ctx.line.print(text, true);
  else ctx.io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * With a JSON-based --output, stderr still tells a person what to do next: the error, or how to
 * resume; the latter only when stdout (which holds the token) is not on the screen already.
 */
function stderrHint(ctx: CommandContext, report: Report): string | undefined {
  if (report.exitCode === EXIT_CODES.usage) return `azlro: error: ${safe(report.error?.message) ?? 'invalid usage'}\n${safe(report.error?.hint) ?? HELP_HINT}`;
  if (report.exitCode === EXIT_CODES.serviceError && report.error) return `azlro: error: ${safe(oneLine(report))}`;
  if (ctx.options.onlyShowErrors || ttys(ctx.io).stdout) return undefined;
  if (report.resumeToken && report.stopped && report.stopped !== 'noWait') return `continue with: ${waitCommand(report.resumeToken, report.waitEndpoint)}`;
  return undefined;
}

function oneLine(report: Report): string {
  const e = report.error!;
  // The service's message usually ends with a full stop: drop it, or the line reads `… 'aks-demo'.: request id`.
  return [e.hint, [e.status, e.code].filter(Boolean).join(' '), e.message?.replace(/(?<!\.)\.$/, ''), e.requestId ? `request id ${e.requestId}` : undefined]
    .filter(Boolean)
    .join(': ');
}

/** `(4 requests, 3.1 s)`. */
function stats(report: Report): string {
  const parts = [];
  if (report.requests !== undefined) parts.push(plural(report.requests, 'request'));
  if (report.durationInMs !== undefined) parts.push(formatDuration(report.durationInMs));
  return parts.length ? `  (${parts.join(', ')})` : '';
}

/** Aligned `  label   value` rows. */
function rows(entries: readonly (readonly [string, string | undefined])[], style: Style): string[] {
  const present = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[1] !== '');
  const width = Math.max(0, ...present.map(([label]) => label.length));
  return present.flatMap(([label, value]) => {
    const [first = '', ...rest] = value.split('\n');
    return [`  ${style.dim(label.padEnd(width))}  ${first}`, ...rest.map((line) => `  ${' '.repeat(width)}  ${line}`)];
  });
}

/** The result's fields worth a line each (the JSON output has the whole result). */
function resultRows(report: Report): [string, string | undefined][] {
  const result = report.result as Record<string, unknown> | undefined;
  if (typeof result !== 'object' || result === null) return [];
  if (report.operation === 'aks command-result' || report.operation === 'aks command invoke') {
    const p = (result.properties ?? {}) as Record<string, unknown>;
    const logs = typeof p.logs === 'string' ? p.logs.replace(/\n$/, '') : undefined;
    return [
      // A command that exited non-zero did not succeed, whatever the provisioning state says.
      ['provisioning state', report.commandExitCode ? undefined : str(p.provisioningState)],
      ['exit code', str(p.exitCode)],
      ['reason', report.status === 'succeeded' ? str(p.reason) : undefined],
      ['started', str(p.startedAt)],
      ['finished', str(p.finishedAt)],
      ['logs', logs],
    ];
  }
  if (report.operation === 'partner cancel') {
    return [
      ['operation id', str(result.id)],
      ['operation status', str(result.status)],
    ];
  }
  return [];
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** The report for people. */
export function renderText(report: Report, style: Style): string {
  const op = report.operation ?? 'azlro';
  const lines: string[] = [];
  // Every `label  value` row of the report, aligned as one table (the error's label with the result's).
  const table: [string, string | undefined][] = [];
  const requestId = report.requestId ? `  request id: ${report.requestId}` : '';
  switch (report.exitCode) {
    case EXIT_CODES.usage:
      lines.push(`azlro: error: ${safe(report.error?.message) ?? 'invalid usage'}`, safe(report.error?.hint) ?? HELP_HINT);
      return lines.join('\n');
    case EXIT_CODES.serviceError: {
      const e = report.error;
      lines.push(`${style.red('✖')} ${op}: ${safe(e?.hint ?? e?.message) ?? 'failed'}${stats(report)}`);
      table.push(
        ['error', safe([e?.status, e?.code].filter(Boolean).join(' ') + (e?.hint && e.message ? `: ${e.message}` : ''))],
        ['request id', e?.requestId ?? report.requestId],
      );
      break;
    }
    default:
      if (report.status === 'succeeded') {
        lines.push(`${style.green('✔')} ${op} ${style.green('succeeded')}${stats(report)}${requestId}`);
      } else if (report.status === 'running') {
        const why = report.stopped === 'timeout' ? ` after --timeout ${formatDuration(report.timeoutInMs ?? 0)}`
          : report.stopped === 'interrupted' ? ' (interrupted; the operation goes on at the service)'
          : ' (accepted; not waiting)';
        lines.push(`${style.yellow('…')} ${op} ${style.yellow('still running')}${why}${stats(report)}${requestId}`);
      } else {
        lines.push(`${style.red('✖')} ${op} ${style.red(report.status)}${stats(report)}${requestId}`);
        const e = report.error;
        if (e) table.push(['error', safe([e.code, e.message].filter(Boolean).join(': '))]);
      }
  }
  table.push(...resultRows(report), ['command id', report.commandId]);
  lines.push(...rows(table, style));
  for (const note of report.notes ?? []) lines.push(`  ${note}`);
  // The token once (it runs to hundreds of characters), in the line that uses it.
  if (report.resumeToken) lines.push(`  continue with: ${style.bold(waitCommand(report.resumeToken, report.waitEndpoint))}`);
  return lines.join('\n');
}
