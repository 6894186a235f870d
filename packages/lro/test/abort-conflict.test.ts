// An abort's 409 means one of two things, told apart by its message (both carry the code
// OperationNotAllowed): nothing was left to abort, or another operation holds the cluster.
import { isConflictError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { abortConflictReason, abortLatestOperation } from '../src/index.js';
import { ABORT_PATH, aksClient, cluster, rejection } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

test.each([
  ['Operation is not allowed: Another operation (Canceling) is in progress, please wait for it to finish before starting a new operation.', 'AnotherOperationInProgress'],
  ['The operation completed before it could be aborted.', 'NothingToAbort'],
  ["Cannot abort: no operation is in progress (the last one was already canceled) on managed cluster 'clustername1'.", 'NothingToAbort'],
  ['Conflict.', undefined],
])('409 OperationNotAllowed %j → %s', async (message, reason) => {
  server.route('POST', ABORT_PATH, { status: 409, json: { error: { code: 'OperationNotAllowed', message } } });
  const error = await rejection(abortLatestOperation(aksClient(server), cluster));
  expect(isConflictError(error)).toBe(true);
  expect(abortConflictReason(error)).toBe(reason);
});

test('anything but a 409 has no conflict reason', async () => {
  server.route('POST', ABORT_PATH, { status: 404, json: { error: { code: 'ResourceNotFound', message: 'no operation is in progress' } } });
  expect(abortConflictReason(await rejection(abortLatestOperation(aksClient(server), cluster)))).toBeUndefined();
  expect(abortConflictReason(new Error('409'))).toBeUndefined();
});
