// An azlro poller is a core-lro 3 PollerLike, checked against @azure/core-lro's own types, so it
// goes into code written for the Azure SDK's pollers unchanged.
import type { OperationState as CoreOperationState, PollerLike } from '@azure/core-lro';
import { createContainerServiceClient, type RunCommandResult } from '@azlro/containerservice';
import { assertType, expectTypeOf, test } from 'vitest';
import {
  abortLatestOperation, isOperationFailedError, waitForCommandResult, type OperationError, type OperationState, type Poller,
} from '../src/index.js';

const aks = createContainerServiceClient();
const cluster = { subscriptionId: 's', resourceGroupName: 'rg', resourceName: 'n' };

/** A helper as users write them for the official SDK. */
async function waitQuietly<T>(poller: PollerLike<CoreOperationState<T>, T>): Promise<T | undefined> {
  return poller.catch(() => undefined).finally(() => {});
}

test('a poller goes where PollerLike<OperationState<T>, T> is expected', () => {
  const abort: PollerLike<CoreOperationState<void>, void> = abortLatestOperation(aks, cluster);
  const command: PollerLike<CoreOperationState<RunCommandResult>, RunCommandResult> = waitForCommandResult(aks, { ...cluster, commandId: 'c' });
  assertType<Promise<void | undefined>>(waitQuietly(abort));
  assertType<Promise<RunCommandResult | undefined>>(waitQuietly(command));
  // azlro's own state type is core-lro's, with extras (kind, requestIds, pollCount...).
  const own = waitForCommandResult(aks, { ...cluster, commandId: 'c' });
  assertType<PollerLike<OperationState<RunCommandResult>, RunCommandResult>>(own);
  assertType<CoreOperationState<RunCommandResult>>(own.operationState);
});

test('catch, finally and result have Promise and PollerLike types', () => {
  const poller = waitForCommandResult(aks, { ...cluster, commandId: 'c' });
  expectTypeOf(poller.catch((e: unknown) => String(e))).toEqualTypeOf<Promise<RunCommandResult | string>>();
  expectTypeOf(poller.finally(() => {})).toEqualTypeOf<Promise<RunCommandResult>>();
  expectTypeOf(poller.result).toEqualTypeOf<RunCommandResult | undefined>();
  expectTypeOf(poller).toMatchTypeOf<Promise<RunCommandResult>>();
  expectTypeOf<Poller<void>[typeof Symbol.toStringTag]>().toEqualTypeOf<string>();
});

test('state.error is an Error with the service code and message', () => {
  expectTypeOf<NonNullable<OperationState<void>['error']>>().toEqualTypeOf<OperationError>();
  expectTypeOf<OperationError>().toMatchTypeOf<Error>();
  expectTypeOf<OperationError['code']>().toEqualTypeOf<string | undefined>();
});

test('isOperationFailedError narrows the result type', () => {
  const poller = waitForCommandResult(aks, { ...cluster, commandId: 'c' });
  const error: unknown = undefined;
  if (isOperationFailedError<RunCommandResult>(error)) {
    expectTypeOf(error.operationState.result).toEqualTypeOf<RunCommandResult | undefined>();
  }
  if (isOperationFailedError(error, poller)) {
    expectTypeOf(error.operationState.result).toEqualTypeOf<RunCommandResult | undefined>();
  }
});
