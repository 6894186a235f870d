import type { RunningEmulator } from '@azlro/emulator';
import type { Command } from '../args.js';
import type { CommandContext } from '../context.js';
import { runResumeStep } from '../demo/resume-step.js';
import { DEMO_ACCESS_TOKEN, type DemoSession } from '../demo/session.js';
import { inProcessSteps, runInProcessStep } from '../demo/steps.js';
import { printSummary, summaryJson } from '../demo/summary.js';
import { classifyError } from '../errors.js';
import { EXIT_CODES, interruptExitCode, type ExitCode } from '../exit-codes.js';
import { printReport } from '../output.js';
import { formatDuration } from '../style.js';
import { emulatorLogger } from './emulator.js';
import { loadEmulator } from '../emulator-package.js';
import { emulatorStartTimeoutInMs } from '../env-knobs.js';

type Demo = Extract<Command, { name: 'demo' }>;

/** A few seconds each, so the whole demo takes 15-25 s; the emulator answers Retry-After: 1 while running. */
const DEMO_TIMINGS = { abortInMs: 3_000, commandInMs: 2_500, offerCancelInMs: 1_800, retryAfterInSeconds: 1 };

/**
 * `azlro demo`: starts the emulator and runs each operation against it, in this process with live
 * progress, then once across two processes (a resume token), and prints a summary. Everything it
 * claims (request counts, Retry-After waits) is measured as it runs.
 */
export async function run(_command: Demo, ctx: CommandContext): Promise<ExitCode> {
  const { io } = ctx;
  const json = ctx.options.output !== 'text';
  const style = ctx.outStyle;
  const say = (text = '') => {
    if (json) return;
    ctx.line.clear();
    io.stdout(`${text}\n`);
  };

  say(`${style.bold('azlro demo')}: six Azure long-running operations against a local emulator (offline, no Azure account)`);
  say();
  const { startEmulator } = await loadEmulator();
  ctx.line.show(style.dim('starting the emulator: three Prism proxies (one per spec) in front of a stateful backend…'));
  let emulator: RunningEmulator;
  try {
    // Only the emulator's errors reach stderr: its request log would drown the demo.
    const logger = { ...emulatorLogger(ctx), info: () => {} };
    emulator = await startEmulator({ timings: DEMO_TIMINGS, logger, startTimeoutInMs: emulatorStartTimeoutInMs(io.env), ...(io.signal ? { abortSignal: io.signal } : {}) });
  } catch (error) {
    if (io.signal?.aborted) return interruptExitCode(io.signal);
    printReport(ctx, { status: 'failed', exitCode: EXIT_CODES.serviceError, error: { ...classifyError(error).error, hint: 'the emulator could not start' } });
    return EXIT_CODES.serviceError;
  }

  const { info } = emulator;
  const { endpoints } = info;
  say(`${style.green('✔')} emulator ready in ${formatDuration(emulator.startupInMs)}: ` +
    `ARM ${endpoints.arm} · Cloud Partner ${endpoints.cloudPartner} · Batch ${endpoints.batch}`);
  say(style.dim("  Prism checks every request and response against azlro's OpenAPI specs; the backend keeps real state."));
  const session: DemoSession = {
    ctx,
    info,
    options: {
      accessToken: DEMO_ACCESS_TOKEN,
      accountName: info.batch.accountName,
      accountKey: info.batch.accountKey,
      noWait: false,
      output: 'text',
      verbose: ctx.options.verbose,
    },
    style,
    summaries: [],
    interrupted: false,
    say,
  };
  const steps = inProcessSteps(session);
  const count = steps.length + 1;
  try {
    for (const [i, step] of steps.entries()) {
      if (session.interrupted) break;
      await runInProcessStep(session, step, `${i + 1}/${count}`);
    }
    if (!session.interrupted) await runResumeStep(session, `${count}/${count}`);
  } finally {
    await emulator.close();
  }

  const totalInMs = performance.now() - ctx.startedAt;
  const allExpected = session.summaries.length === count && session.summaries.every((s) => s.expected);
  const exitCode: ExitCode = session.interrupted ? interruptExitCode(io.signal) : allExpected ? EXIT_CODES.succeeded : EXIT_CODES.operationFailed;
  if (json) io.stdout(ctx.format(summaryJson(session, exitCode, totalInMs, emulator.startupInMs, allExpected)));
  else printSummary(session, totalInMs, emulator.startupInMs, allExpected);
  return exitCode;
}
