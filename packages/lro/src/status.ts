/** Where an operation stands. Closed: every service's own words map onto these five. */
export type OperationStatus = 'notStarted' | 'running' | 'succeeded' | 'failed' | 'canceled';

/** Statuses after which nothing changes any more. */
const TERMINAL: ReadonlySet<OperationStatus> = new Set(['succeeded', 'failed', 'canceled']);

/**
 * Service status words, normalized (lower case, no spaces, `_` or `-`), and what they mean.
 * ARM's `Azure-AsyncOperation` bodies, AKS provisioning states and Cloud Partner operations share them.
 */
const STATUS_BY_WORD: Readonly<Record<string, OperationStatus>> = {
  notstarted: 'notStarted', // Cloud Partner; the page also writes "not started"
  accepted: 'running', // ARM: the request is queued
  inprogress: 'running', // ARM Azure-AsyncOperation
  running: 'running', // Cloud Partner, AKS
  canceling: 'running', // still winding down: not canceled yet
  cancelling: 'running',
  succeeded: 'succeeded', // ARM, AKS command results (`succeeded`)
  completed: 'succeeded', // Cloud Partner
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/** What {@link readServiceStatus} made of a service's status string. */
export interface ServiceStatusReading {
  /** The mapped status; an unknown word counts as `running`, so polling goes on. */
  status: OperationStatus;
  /** False when the word was unknown (the caller logs it). */
  recognized: boolean;
}

/** Maps a service status string case-insensitively; unknown or missing words keep the operation running. */
export function readServiceStatus(word: unknown): ServiceStatusReading {
  const key = typeof word === 'string' ? word.replace(/[\s_-]/g, '').toLowerCase() : undefined;
  const status = key === undefined ? undefined : STATUS_BY_WORD[key];
  return status ? { status, recognized: true } : { status: 'running', recognized: false };
}

/** True for `succeeded`, `failed` and `canceled`. */
export function isTerminal(status: OperationStatus): boolean {
  return TERMINAL.has(status);
}
