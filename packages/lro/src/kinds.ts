import type { AnyOperation } from './operation.js';
import { OPERATIONS } from './operations/registry.js';

/** The operations a poller can follow (each descriptor's `kind`); a resume token names one, and `restorePoller` checks it. */
export type OperationKind = (typeof OPERATIONS)[number]['kind'];

/** The client a kind needs (its `client.service`). */
export type ServiceName = (typeof OPERATIONS)[number]['service'];

/** Every kind, for validating tokens and for messages. */
export const OPERATION_KINDS: readonly OperationKind[] = /* @__PURE__ */ OPERATIONS.map((operation) => operation.kind);

/** The descriptor of `kind`, or undefined for a string that names none. */
export function operationOf(kind: unknown): AnyOperation | undefined {
  return OPERATIONS.find((operation) => operation.kind === kind);
}

/** True when `value` is one of {@link OPERATION_KINDS}. */
export function isOperationKind(value: unknown): value is OperationKind {
  return operationOf(value) !== undefined;
}

/** The service a kind belongs to. */
export function serviceOf(kind: OperationKind): ServiceName {
  return operationOf(kind)!.service as ServiceName;
}
