/** The operations a poller can follow; a resume token names one, and `restorePoller` checks it. */
export type OperationKind =
  | 'containerservice.abortLatestOperation'
  | 'containerservice.commandResult'
  | 'containerservice.abortAgentPoolLatestOperation'
  | 'containerservice.runCommand'
  | 'cloudpartner.cancelOperation';

/** The client a kind needs (its `client.service`). */
export type ServiceName = 'containerservice' | 'cloudpartner';

const SERVICE_BY_KIND: Readonly<Record<OperationKind, ServiceName>> = {
  'containerservice.abortLatestOperation': 'containerservice',
  'containerservice.commandResult': 'containerservice',
  'containerservice.abortAgentPoolLatestOperation': 'containerservice',
  'containerservice.runCommand': 'containerservice',
  'cloudpartner.cancelOperation': 'cloudpartner',
};

/** Every kind, for validating tokens and for messages. */
export const OPERATION_KINDS = Object.keys(SERVICE_BY_KIND) as readonly OperationKind[];

/** True when `value` is one of {@link OPERATION_KINDS}. */
export function isOperationKind(value: unknown): value is OperationKind {
  return typeof value === 'string' && Object.hasOwn(SERVICE_BY_KIND, value);
}

/** The service a kind belongs to. */
export function serviceOf(kind: OperationKind): ServiceName {
  return SERVICE_BY_KIND[kind];
}
