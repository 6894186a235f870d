import { conflictingOperation, type AbortConflictReason } from '@azlro/lro/containerservice';

/** The hint for an abort's 409 (its reason read by `abortConflictReason` from code and message). */
export function abortConflictHint(reason: AbortConflictReason | undefined, message: string, what: 'cluster' | 'node pool' = 'cluster'): string {
  switch (reason) {
    case 'NothingToAbort':
      return what === 'cluster'
        ? "nothing to abort: the cluster's latest operation finished before it could be aborted (--nothing-to-abort-ok makes this exit 0)"
        : "nothing to abort: the node pool's latest operation finished before it could be aborted";
    case 'AnotherOperationInProgress': {
      const other = conflictingOperation(message);
      const which = other ? `another operation (${other})` : 'another operation';
      const abortUnderWay = other?.toLowerCase() === 'canceling' ? ': an abort is already under way' : '';
      return `${which} is in progress on the ${what}${abortUnderWay}; nothing was aborted: wait for it to end (az aks show … --query provisioningState), then try again`;
    }
    default:
      return 'the service refused the abort (409 Conflict); its message says why';
  }
}
