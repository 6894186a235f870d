import { conflictingOperation, type AbortConflictReason } from '@azlro/lro/containerservice';

/** The hint for an abort's 409 (its reason read by `abortConflictReason` from code and message). */
export function abortConflictHint(reason: AbortConflictReason | undefined, message: string): string {
  switch (reason) {
    case 'NothingToAbort':
      return "nothing to abort: the cluster's latest operation finished before it could be aborted (--nothing-to-abort-ok makes this exit 0)";
    case 'AnotherOperationInProgress': {
      const other = conflictingOperation(message);
      const which = other ? `another operation (${other})` : 'another operation';
      const abortUnderWay = other?.toLowerCase() === 'canceling' ? ': an abort is already under way' : '';
      return `${which} is in progress on the cluster${abortUnderWay}; nothing was aborted: wait for it to end (az aks show … --query provisioningState), then try again`;
    }
    default:
      return 'the service refused the abort (409 Conflict); its message says why';
  }
}
