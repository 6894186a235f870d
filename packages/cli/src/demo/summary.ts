import { formatDuration, plural, stripAnsi } from '../style.js';
import type { DemoSession, StepSummary } from './session.js';

/** Requests across steps; `1 + 3` counts 4. */
function totalRequests(summaries: readonly StepSummary[]): number {
  return summaries.reduce((sum, s) => sum + s.requests.split('+').reduce((a, b) => a + (Number(b) || 0), 0), 0);
}

/** The closing table: one row per step, what it measured, whether it ended as expected. */
export function printSummary(session: DemoSession, totalInMs: number, emulatorStartupInMs: number, allExpected: boolean): void {
  const { style, say, summaries } = session;
  const header = ['', 'step', 'operation', 'outcome', 'requests', 'time', 'Retry-After'];
  const table = summaries.map((s, i) => [
    s.expected ? style.green('✔') : style.red('✖'),
    String(i + 1),
    s.operation,
    s.errorCode ? `${s.status} (${s.errorCode})` : s.status,
    s.requests,
    formatDuration(s.durationInMs),
    s.retryAfter,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => stripAnsi(row[c]!).length)));
  const format = (row: string[]) => `  ${row.map((cell, c) => cell + ' '.repeat(widths[c]! - stripAnsi(cell).length)).join('  ')}`.trimEnd();
  say();
  say(style.bold('Summary'));
  say(style.dim(format(header)));
  for (const row of table) say(format(row));
  say();
  say(`  ${plural(totalRequests(summaries), 'request')} in ${formatDuration(totalInMs)}, emulator start-up (${formatDuration(emulatorStartupInMs)}) included.`);
  const waits = summaries.reduce((sum, s) => sum + s.retryAfterWaits, 0);
  const early = summaries.reduce((sum, s) => sum + s.retryAfterEarly, 0);
  say(allExpected ? `${style.green('✔')} every operation ended as expected.` : `${style.red('✖')} not every step ended as expected (see above).`);
  say(early === 0
    ? `${style.green('✔')} Retry-After: all ${waits} requests that followed an answer asking for a delay waited at least that long (measured in this process).`
    : `${style.red('✖')} Retry-After: ${early} of ${waits} requests went out before the delay the service asked for.`);
  say(style.dim('  Try it yourself: `azlro emulator` prints ready-to-paste commands; `azlro --help` lists them all.'));
}

/** The `--output json` form of the demo's outcome. */
export function summaryJson(session: DemoSession, exitCode: number, totalInMs: number, emulatorStartupInMs: number, allExpected: boolean) {
  return {
    status: allExpected ? 'succeeded' : 'failed',
    exitCode,
    durationInMs: Math.round(totalInMs),
    emulatorStartupInMs,
    requests: totalRequests(session.summaries),
    steps: session.summaries.map((s) => ({ ...s, durationInMs: Math.round(s.durationInMs) })),
  };
}
