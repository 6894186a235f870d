import { getRequestIds } from '@azlro/http/internal';
import type { OperationKind } from './kinds.js';
import type { PollingTarget } from './resume-token.js';
import { OperationError } from './errors/operation-error.js';
import type { OperationState } from './state.js';
import { isTerminal } from './status.js';
import type { Observation } from './strategy.js';

/** The state after a response, and where to poll next (none once done). */
export interface Recorded<TResult> {
  state: OperationState<TResult>;
  polling: PollingTarget | undefined;
}

/** Folds one response's observation into the state; throws when a running operation has no URL left to poll. */
export function record<TResult>(
  kind: string,
  previous: Recorded<TResult>,
  observation: Observation<TResult>,
  isPoll: boolean,
): Recorded<TResult> {
  const { response, polling, recognized: _, fault: __, ...fields } = observation;
  const done = isTerminal(fields.status);
  const next = done ? undefined : (polling ?? previous.polling);
  if (!done && !next) throw new Error(`${kind}: the service answered ${response.status} without a URL to poll`);
  const state = { kind, ...fields, error: OperationError.from(fields.error), requestIds: getRequestIds(response), pollCount: previous.state.pollCount + (isPoll ? 1 : 0) };
  const defined = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
  return { state: defined as unknown as OperationState<TResult>, polling: next };
}
