import { isApiError } from '@azlro/http/internal';

/**
 * Why an abort (`abortLatestOperation`) got a 409, read from the service's code and message: both
 * answers share the code `OperationNotAllowed`, so the status alone says nothing.
 * - `NothingToAbort`: the latest operation finished (or was canceled) before the abort: harmless;
 * - `AnotherOperationInProgress`: another operation holds the cluster (e.g. `Canceling`): a real
 *   conflict; abort again once it ends.
 * Stable strings (the CLI prints them as `error.reason`).
 */
export type AbortConflictReason = 'NothingToAbort' | 'AnotherOperationInProgress';

/** "Another operation (Canceling) is in progress", "operation (Updating) is in progress". */
const IN_PROGRESS = /\banother operation\b|\boperation \([^)]+\) is in progress/i;
/** The other operation's name, when the message gives it in parentheses. */
const OTHER_OPERATION = /\boperation \(([^)]+)\) is in progress/i;
/** "completed before it could be aborted", "no operation is in progress", "already canceled". */
const NOTHING_LEFT = /\b(?:completed|finished|ended|succeeded) before\b|\bno (?:operation|ongoing operation)\b|\bnothing to abort\b|\balready (?:completed|finished|canceled|cancelled|succeeded|terminated)\b/i;

/** The service's own words: an ApiError's message is `METHOD url: status code: text`. */
function serviceText(error: { method: string; url: string; status: number; code?: string; message: string }): string {
  const prefix = `${error.method} ${error.url}: ${error.status}${error.code ? ` ${error.code}` : ''}`;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * Reads an abort's 409 (`ApiError` of kind `conflict`): `NothingToAbort` ("completed before it
 * could be aborted", "no operation is in progress", "already canceled"), `AnotherOperationInProgress`
 * ("Another operation (Canceling) is in progress"), or undefined for any other error or a 409
 * whose message says neither.
 */
export function abortConflictReason(error: unknown): AbortConflictReason | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  const message = serviceText(error);
  if (error.code === 'AnotherOperationInProgress' || (IN_PROGRESS.test(message) && !/\bno operation\b/i.test(message))) return 'AnotherOperationInProgress';
  if (NOTHING_LEFT.test(message)) return 'NothingToAbort';
  return undefined;
}

/** The other operation's name, when a 409's message gives it: `Canceling` from "Another operation (Canceling) is in progress". */
export function conflictingOperation(message: string): string | undefined {
  return OTHER_OPERATION.exec(message)?.[1];
}
