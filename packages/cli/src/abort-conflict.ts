/**
 * Why an abort got a 409, read from the service's code and message (both answers share the code
 * `OperationNotAllowed`, so the status alone says nothing):
 * - `NothingToAbort`: the latest operation finished (or was canceled) before the abort: harmless,
 *   and what `--nothing-to-abort-ok` turns into success;
 * - `AnotherOperationInProgress`: another operation holds the cluster (e.g. `Canceling`): a real
 *   conflict; abort again once it ends.
 * Stable strings: `--output json` prints them as `error.reason`.
 */
export type AbortConflictReason = 'NothingToAbort' | 'AnotherOperationInProgress';

/** "Another operation (Canceling) is in progress", "operation (Updating) is in progress". */
const IN_PROGRESS = /\banother operation\b|\boperation \([^)]+\) is in progress/i;
/** The other operation's name, when the message gives it in parentheses. */
const OTHER_OPERATION = /\boperation \(([^)]+)\) is in progress/i;
/** "completed before it could be aborted", "no operation is in progress", "already canceled". */
const NOTHING_LEFT = /\b(?:completed|finished|ended|succeeded) before\b|\bno (?:operation|ongoing operation)\b|\bnothing to abort\b|\balready (?:completed|finished|canceled|cancelled|succeeded|terminated)\b/i;

/** The reason of an abort's 409, or undefined when the message says neither. */
export function abortConflictReason(code: string | undefined, message: string): AbortConflictReason | undefined {
  if (code === 'AnotherOperationInProgress' || (IN_PROGRESS.test(message) && !/\bno operation\b/i.test(message))) return 'AnotherOperationInProgress';
  if (NOTHING_LEFT.test(message)) return 'NothingToAbort';
  return undefined;
}

/** The hint for an abort's 409, in plain words. */
export function abortConflictHint(reason: AbortConflictReason | undefined, message: string): string {
  switch (reason) {
    case 'NothingToAbort':
      return "nothing to abort: the cluster's latest operation finished before it could be aborted (--nothing-to-abort-ok makes this exit 0)";
    case 'AnotherOperationInProgress': {
      const other = OTHER_OPERATION.exec(message)?.[1];
      const which = other ? `another operation (${other})` : 'another operation';
      const abortUnderWay = other?.toLowerCase() === 'canceling' ? ': an abort is already under way' : '';
      return `${which} is in progress on the cluster${abortUnderWay}; nothing was aborted: wait for it to end (az aks show … --query provisioningState), then try again`;
    }
    default:
      return 'the service refused the abort (409 Conflict); its message says why';
  }
}
