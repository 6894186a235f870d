import type { AbortConflictReason } from '@azlro/lro';
import type { COMMANDS } from './commands/registry.js';
import type { ExitCode } from './exit-codes.js';

/** The operations the CLI runs (the commands whose descriptor says `operation`); `wait` reports the one its token names. */
export type OperationName = Extract<(typeof COMMANDS)[number], { operation: true }>['spec']['name'];

/** Where the operation stands, as far as azlro knows. */
export type ReportStatus = 'succeeded' | 'failed' | 'canceled' | 'running';

/** Why the command did not succeed, as the service (or the input check) said it. */
export interface ReportError {
  /** HTTP status of the failed exchange, when there was one. */
  status?: number;
  /** The service's error code (e.g. `OperationNotAllowed`), or azlro's own (`InvalidUsage`, `NetworkError`, ...). */
  code?: string;
  message: string;
  /** The service's request id of the failed exchange, for a support request. */
  requestId?: string;
  /** The service's nested errors (ARM `details`, Batch `values`), as it sent them. */
  details?: readonly unknown[];
  /** What it means in plain words, when azlro knows more than the service said (e.g. a retired feature). */
  hint?: string;
  /** `aks abort`'s 409, read from its code and message: `NothingToAbort` or `AnotherOperationInProgress`. */
  reason?: AbortConflictReason;
  /** The failing URL was one the service handed out, in this header (e.g. `the Location header`)... */
  urlSource?: string;
  /** ...and this is it. */
  url?: string;
}

/** The service throttled polling when the command stopped (`--timeout`, Ctrl-C, `--no-wait`). */
export interface ReportThrottling {
  /** 429 or 503. */
  status: number;
  code?: string;
  /** What the service asked for, in ms. */
  retryAfterInMs: number;
  /** No poll before this time (ISO 8601), `azlro wait` included: the resume token carries it. */
  notBefore: string;
}

/** How a waiting command ended without an outcome: these print the resume line. */
export type Stopped = 'noWait' | 'timeout' | 'interrupted';

/**
 * Everything a command reports. `--output json` prints it (minus the text-only fields) as one
 * object; text mode renders the same for people.
 */
export interface Report {
  operation?: OperationName;
  status: ReportStatus;
  exitCode: ExitCode;
  /** The service's request id of the last response. */
  requestId?: string;
  /** The outcome as the service returned it (e.g. the RunCommandResult). */
  result?: unknown;
  /** Present whenever the operation is still running: continue with `azlro wait <token>`. */
  resumeToken?: string;
  /** Set when the wait stopped while the service throttled polling. */
  throttling?: ReportThrottling;
  /** `aks command invoke`: the command's id (its result's last path segment), while it runs. */
  commandId?: string;
  /** `aks abort` found nothing to abort (a 204, or a 409 `NothingToAbort` with `--nothing-to-abort-ok`). */
  nothingToAbort?: true;
  /**
   * The endpoint `azlro wait` must be given with --endpoint to continue (a token for an endpoint
   * that is not a known Azure cloud, such as the emulator, gets no credential unconfirmed).
   */
  waitEndpoint?: string;
  /** `aks command-result`, `aks command invoke`: the exit code of the command run on the cluster (not azlro's own: that is `exitCode`). */
  commandExitCode?: number;
  error?: ReportError;
  /** HTTP requests sent, retries included. */
  requests?: number;
  durationInMs?: number;
  /** Text only: why the wait stopped while the operation runs on. */
  stopped?: Stopped;
  /** Text only: extra lines for people (e.g. "nothing was running: 204"). */
  notes?: string[];
  /** Text only: how long --timeout was. */
  timeoutInMs?: number;
}

/** The shell line that continues a wait; `endpoint` is confirmed with --endpoint when it is not a known Azure one. */
export function waitCommand(resumeToken: string, endpoint?: string): string {
  return `azlro wait ${resumeToken}${endpoint ? ` --endpoint ${endpoint}` : ''}`;
}

/** The JSON object for `--output json`: stable field names, no text-only fields, never a credential. */
export function toJson(report: Report): Record<string, unknown> {
  const { operation, status, exitCode, commandExitCode, requestId, result, resumeToken, error, requests, durationInMs, throttling, nothingToAbort, commandId } = report;
  const json: Record<string, unknown> = { operation, status, exitCode, commandExitCode, requestId, result, nothingToAbort, commandId, resumeToken };
  if (resumeToken !== undefined) json.continueWith = waitCommand(resumeToken, report.waitEndpoint);
  json.throttling = throttling;
  Object.assign(json, { error, requests, durationInMs: durationInMs === undefined ? undefined : Math.round(durationInMs) });
  return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined));
}
