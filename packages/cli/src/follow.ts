import { isOperationFailedError, isPollerTimeoutError, isPollingProtocolError, type OperationState, type Poller, type PollerOptions } from '@azlro/lro';
import { cliLogger } from './logging.js';
import type { CommandContext } from './context.js';
import { classifyError } from './errors.js';
import { EXIT_CODES, interruptExitCode, type ExitCode } from './exit-codes.js';
import { escapeControl } from '@azlro/http/internal';
import { Progress } from './progress.js';
import { envMilliseconds, MIN_POLL_INTERVAL_ENV } from './env-knobs.js';
import { isKnownEndpoint } from './known-endpoints.js';
import type { OperationName, Report, ReportError, ReportThrottling } from './report.js';
import { formatDuration } from './style.js';
import type { Traffic } from './traffic.js';

/** The poller's wait between polls when the service sends no Retry-After (its own default). */
export const POLL_INTERVAL_IN_MS = 2_000;

/** What {@link follow} needs to run one operation. */
export interface FollowSpec<TResult> {
  operation: OperationName;
  traffic: Traffic;
  /**
   * Creates the poller, which sends the initial request. Bad input throws here, before anything
   * is sent (and so exits 2).
   */
  start: (options: PollerOptions) => Poller<TResult>;
  /** A restored poller (`azlro wait`): the initial response is the token's, so `--no-wait` polls once. */
  restored?: boolean;
  /** Lines for people about a success (e.g. "nothing was running"). */
  notes?: (result: TResult | undefined) => string[];
  /** The client's endpoint: a resume token for one that is not a known Azure cloud is continued with --endpoint. */
  endpoint?: string;
  /**
   * Judges a result the service called a success (e.g. a command that exited non-zero): returns
   * what the report says instead, or undefined when it is a success.
   */
  judge?: (result: TResult | undefined) => { exitCode: ExitCode; error: ReportError; commandExitCode?: number } | undefined;
}

/**
 * Runs a poller the CLI way: live progress, `--no-wait`, `--timeout`, Ctrl-C, and one report
 * whatever happens; every error after the request was sent is turned into the report here.
 */
export async function follow<TResult>(ctx: CommandContext, spec: FollowSpec<TResult>): Promise<Report> {
  const { io, options } = ctx;
  const { operation, traffic } = spec;
  const minIntervalInMs = envMilliseconds(io.env, MIN_POLL_INTERVAL_ENV);
  const poller = spec.start({
    abortSignal: io.signal,
    intervalInMs: POLL_INTERVAL_IN_MS,
    logger: cliLogger(ctx, 'azlro:lro'),
    ...(minIntervalInMs === undefined ? {} : { minIntervalInMs }),
    ...(options.timeoutInMs === undefined ? {} : { timeoutInMs: options.timeoutInMs }),
  });
  let answered = spec.restored === true;
  const progress = new Progress({ line: ctx.line, style: ctx.errStyle, operation, traffic, intervalInMs: POLL_INTERVAL_IN_MS, startedAt: ctx.startedAt });
  poller.onProgress((state) => {
    answered = true;
    // A command that ran and exited non-zero: the poller says succeeded, azlro's verdict is failed (exit 5).
    // The progress line says what the report will say, not the opposite.
    const judged = state.status === 'succeeded' ? spec.judge?.(state.result as TResult) : undefined;
    if (!judged) return progress.update(state);
    const { serviceStatus: _succeeded, ...rest } = state;
    const code = judged.commandExitCode;
    progress.update({ ...rest, status: 'failed', ...(code === undefined ? {} : { serviceStatus: `exit code ${code}` }) });
  });
  const waitEndpoint = spec.endpoint && !isKnownEndpoint(spec.endpoint) ? new URL(spec.endpoint).origin : undefined;
  const base = () => ({
    operation,
    ...(waitEndpoint ? { waitEndpoint } : {}),
    requestId: poller.operationState.requestIds.requestId,
    requests: traffic.count,
    durationInMs: performance.now() - ctx.startedAt,
  });
  const token = async () => (answered ? poller.serialize() : undefined);
  /** For a report of a wait that stops while the operation runs on: the throttling, if any. */
  const throttled = () => throttlingReport(poller.operationState);

  try {
    if (options.noWait) {
      const deadline = options.timeoutInMs === undefined ? undefined : AbortSignal.timeout(options.timeoutInMs);
      await poller.submitted(deadline ? { abortSignal: deadline } : undefined);
      if (spec.restored) await poller.poll(deadline ? { abortSignal: deadline } : undefined);
      if (!poller.isDone) {
        return { ...base(), status: 'running', exitCode: EXIT_CODES.succeeded, resumeToken: await poller.serialize(), stopped: 'noWait', ...throttled() };
      }
      return finished(poller.operationState, base(), spec);
    }
    await poller.pollUntilDone();
    return finished(poller.operationState, base(), spec);
  } catch (error) {
    const timedOut = isPollerTimeoutError(error) || (error as Error | undefined)?.name === 'TimeoutError';
    // Stopped while getting a token (or anything else before the first request): nothing was sent, so
    // nothing goes on at the service and there is nothing to resume; say so, as main does for a stop
    // before the command reached its request. A restored wait's operation runs whatever this process sent.
    if ((io.signal?.aborted || timedOut) && traffic.count === 0 && !spec.restored) {
      const [exitCode, code, why] = io.signal?.aborted ? [interruptExitCode(io.signal), 'Interrupted', 'interrupted'] : [EXIT_CODES.timeout, 'Timeout', '--timeout reached'];
      return { ...base(), status: 'failed', exitCode, error: { code, message: `${why} before the request was sent: nothing was sent` } };
    }
    if (io.signal?.aborted) {
      const resumeToken = await token().catch(() => undefined);
      return { ...base(), status: 'running', exitCode: interruptExitCode(io.signal), resumeToken, stopped: 'interrupted', ...withNotes(throttled(), noToken(resumeToken)) };
    }
    if (timedOut) {
      const resumeToken = isPollerTimeoutError(error) ? error.resumeToken : await token().catch(() => undefined);
      return {
        ...base(), status: 'running', exitCode: EXIT_CODES.timeout, resumeToken, stopped: 'timeout',
        timeoutInMs: options.timeoutInMs, ...withNotes(throttled(), noToken(resumeToken)),
      };
    }
    if (isOperationFailedError(error)) return finished(error.operationState as OperationState<TResult>, base(), spec);
    const retried = lastRequestRetried(traffic);
    const { exitCode, error: reportError, waitFailed } = classifyError(error, operation, { accepted: answered, retried, beforeSending: traffic.count === 0 });
    // The request went out and the operation may go on: a token lets the wait continue later.
    const resumeToken = isPollingProtocolError(error) && error.resumeToken
      ? error.resumeToken
      : answered && !poller.isDone ? await token().catch(() => undefined) : undefined;
    // Only the wait failed (a refused polling URL, answers with no status): the operation did not.
    // (A refused polling URL on the initial 202 leaves no token: the service accepted, azlro did not follow.)
    const status = resumeToken || (waitFailed && traffic.count > 0) ? 'running' : 'failed';
    return { ...base(), status, exitCode, error: reportError, resumeToken };
  } finally {
    progress.stop();
  }
}

/** The state's throttling for the report (JSON `throttling`), and a line for people. */
function throttlingReport(state: OperationState<unknown>): { throttling?: ReportThrottling; notes?: string[] } {
  const t = state.throttling;
  if (!t || state.status !== 'running') return {};
  const notBefore = new Date(t.notBefore).toISOString();
  const why = [t.status, t.code].filter(Boolean).join(' ');
  return {
    throttling: { status: t.status, ...(t.code ? { code: t.code } : {}), retryAfterInMs: t.retryAfterInMs, notBefore },
    notes: [`the service is throttling polls (${why}, Retry-After ${formatDuration(t.retryAfterInMs)}): no poll before ${notBefore}, \`azlro wait\` included`],
  };
}

function withNotes(report: { throttling?: ReportThrottling; notes?: string[] }, more: string[] | undefined) {
  const notes = [...(report.notes ?? []), ...(more ?? [])];
  return { ...(report.throttling ? { throttling: report.throttling } : {}), ...(notes.length ? { notes } : {}) };
}

/** Statuses the pipeline retries; no status means the attempt got no answer (reset, timeout). */
const RETRIED_AFTER = new Set([undefined, 408, 429, 500, 502, 503, 504]);

/** True when the last request was a retry: the same request just before it got a retryable answer (not a poll that went well). */
function lastRequestRetried(traffic: Traffic): boolean {
  const [last, previous] = [traffic.exchanges.at(-1), traffic.exchanges.at(-2)];
  return last !== undefined && previous !== undefined && last.method === previous.method && last.path === previous.path &&
    RETRIED_AFTER.has(previous.status);
}

function noToken(resumeToken: string | undefined): string[] | undefined {
  return resumeToken ? undefined : ['stopped before the service answered: there is nothing to resume (the request may still have reached the service)'];
}

/** The report of an operation that is done: succeeded (0), or failed or canceled (1). */
function finished<TResult>(state: OperationState<TResult>, base: Omit<Report, 'status' | 'exitCode'>, spec: FollowSpec<TResult>): Report {
  if (state.status === 'succeeded') {
    const judged = spec.judge?.(state.result);
    if (judged) return { ...base, status: 'failed', result: state.result, ...judged };
    const notes = spec.notes?.(state.result);
    return { ...base, status: 'succeeded', exitCode: EXIT_CODES.succeeded, result: state.result, ...(notes?.length ? { notes } : {}) };
  }
  const status = state.status === 'canceled' ? 'canceled' : 'failed';
  // The service's own fields: the Error's message falls back to the code, the report's to the status.
  const error = state.error?.toJSON();
  return {
    ...base,
    status,
    exitCode: EXIT_CODES.operationFailed,
    result: state.result,
    error: { code: error?.code === undefined ? undefined : String(error.code), message: escapeControl(error?.message ?? `the operation ${status}`) },
  };
}
