// Issue 16 as real processes against a loopback server: a throttled poll keeps the wait going and
// its delay reaches --timeout's report, the token and `azlro wait`; a broken URL the service hands
// out is blamed on the service (and command results fall back to the documented URL); an abort's
// 409 is read from its code and message. Real time here: request counts and generous bounds only.
import { describe, expect, test } from 'vitest';
import type { TestServer } from '@azlro/test-server';
import { expectExit, expectNoSecrets, jsonOf, runCli, serverPerTest, SUBSCRIPTION } from './helpers.js';

const server = serverPerTest();

const ABORT_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/c1/abort`;
const STATUS_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op1`;
const COMMAND_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/abc123`;
const BROKEN_PATH = '/subscriptions//resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/abc123';

/** The command line. */
const abort = (s: TestServer, ...extra: string[]) =>
  ['aks', 'abort', '--subscription', SUBSCRIPTION, '-g', 'rg', '-n', 'c1', '--endpoint', s.url, '--access-token', 'x', ...extra];
const commandResult = (s: TestServer, ...extra: string[]) =>
  ['aks', 'command-result', '--subscription', SUBSCRIPTION, '-g', 'rg', '-n', 'c1', '--command-id', 'abc123', '--endpoint', s.url, '--access-token', 'x', ...extra];
const accepted = (s: TestServer) => ({
  status: 202,
  headers: { 'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2024-02-01`, 'x-ms-request-id': 'req-202' },
});
const throttled = {
  status: 429,
  headers: { 'retry-after': '372', 'x-ms-request-id': 'req-429' },
  json: { error: { code: 'SubscriptionRequestsThrottled', message: 'Number of read requests for subscription exceeded the limit of 12000 for time interval 01:00:00.' } },
};
const tokenJson = (token: string) => JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, any>;
const RETRY_AFTER_IN_MS = 372_000;

describe.concurrent('1. a long throttle on a poll', () => {
  test('the issue input: the wait goes on until --timeout (exit 4, not 3), and the delay is in the report and the token', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, throttled);
    const before = Date.now();
    const run = await runCli(abort(s, '-o', 'json', '--timeout', '6'));
    const after = Date.now();
    expectExit(run, 4);
    const json = jsonOf(run);
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(json).toMatchObject({ status: 'running', exitCode: 4, throttling: { status: 429, code: 'SubscriptionRequestsThrottled', retryAfterInMs: RETRY_AFTER_IN_MS } });
    const notBefore = Date.parse(json.throttling.notBefore);
    expect(notBefore).toBeGreaterThanOrEqual(before + RETRY_AFTER_IN_MS);
    expect(notBefore).toBeLessThanOrEqual(after + RETRY_AFTER_IN_MS);
    // The same moment, read from the wall clock at two times: allow for wall/monotonic drift on a loaded VM.
    expect(Math.abs(tokenJson(json.resumeToken).notBefore - notBefore)).toBeLessThanOrEqual(1000);
    expectNoSecrets(run);

    // `azlro wait <token>` right after: no poll inside the delay, and the delay carries on in the new token.
    const resumed = await runCli(['wait', json.resumeToken, '--endpoint', s.url, '--timeout', '2', '-o', 'json']);
    expectExit(resumed, 4);
    expect(s.requests).toHaveLength(2);
    expect(Math.abs(tokenJson(jsonOf(resumed).resumeToken).notBefore - notBefore)).toBeLessThanOrEqual(1000);
  });

  test('text mode: the progress line and the --timeout report say throttled and when the next poll goes', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, throttled);
    const run = await runCli(abort(s, '--timeout', '6'));
    expectExit(run, 4);
    expect(run.stderr).toMatch(/aks abort: running · throttled by the service \(429 SubscriptionRequestsThrottled\), next poll in 6 min 1\d s/);
    expect(run.stdout).toMatch(/still running after --timeout 6\.0 s/);
    expect(run.stdout).toMatch(/the service is throttling polls \(429 SubscriptionRequestsThrottled, Retry-After 6 min 12 s\): no poll before \d{4}-\d\d-\d\dT[\d:.]+Z, `azlro wait` included/);
  });

  test('a short throttle on a poll is waited out and the abort finishes', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, [{ ...throttled, headers: { 'retry-after': '1' } }, { json: { name: 'op1', status: 'Succeeded' } }]);
    const run = await runCli(abort(s, '-o', 'json'));
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requests: 3 });
    const [post, throttledPoll, lastPoll] = s.requests;
    expect(throttledPoll!.arrivedAt - post!.arrivedAt).toBeGreaterThanOrEqual(1900);
    expect(lastPoll!.arrivedAt - throttledPoll!.arrivedAt).toBeGreaterThanOrEqual(950);
  });
});

describe.concurrent('4. a broken URL from the service', () => {
  test('the issue input: command-result falls back to the documented URL and succeeds', async () => {
    const s = await server();
    s.route('GET', COMMAND_PATH, [
      { status: 202, headers: { location: `${s.url}${BROKEN_PATH}?api-version=2024-09-01` } },
      { json: { id: 'abc123', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ok' } } },
    ]);
    s.route('GET', BROKEN_PATH, { status: 400, json: { error: { code: 'InvalidSubscriptionId', message: "The provided subscription identifier '' is malformed or invalid." } } });
    const run = await runCli(commandResult(s, '-o', 'json'));
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requests: 3, result: { properties: { exitCode: 0 } } });
    expect(s.requests.map((r) => r.path)).toEqual([COMMAND_PATH, BROKEN_PATH, COMMAND_PATH]);
  });

  test('the printed token and `azlro wait` line never keep the URL that failed', async () => {
    const s = await server();
    s.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${s.url}${BROKEN_PATH}?api-version=2024-09-01` } });
    s.route('GET', BROKEN_PATH, { status: 400, json: { error: { code: 'InvalidSubscriptionId', message: 'malformed' } } });
    // Long enough for the broken URL's one poll (2 s after the 202) on a loaded machine.
    const run = await runCli(commandResult(s, '-o', 'json', '--timeout', '8'));
    expectExit(run, 4);
    const json = jsonOf(run);
    expect(tokenJson(json.resumeToken).polling).toMatchObject({ url: `${s.url}${COMMAND_PATH}?api-version=2024-09-01`, resourceUrlOnly: true });
    expect(json.continueWith).toBe(`azlro wait ${json.resumeToken} --endpoint ${s.url}`); // loopback: confirmed with --endpoint (issue 10 item 7)
    expect(JSON.stringify(tokenJson(json.resumeToken))).not.toContain('/subscriptions//');
    expect(s.requests.filter((r) => r.path === BROKEN_PATH)).toHaveLength(1);
  });

  test('an abort whose Azure-AsyncOperation URL answers 400: the error names the header and URL, not --subscription', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, { status: 400, headers: { 'x-ms-request-id': 'req-400' }, json: { error: { code: 'InvalidSubscriptionId', message: 'malformed' } } });
    const run = await runCli(abort(s, '-o', 'json'));
    expectExit(run, 3);
    const { error } = jsonOf(run);
    expect(error).toMatchObject({
      status: 400, code: 'InvalidSubscriptionId', requestId: 'req-400',
      urlSource: 'the Azure-AsyncOperation header', url: `${s.url}${STATUS_PATH}?api-version=2024-02-01`,
      hint: expect.stringMatching(/^the service handed out a polling URL \(in the Azure-AsyncOperation header\) that it then refused: not a problem with your parameters/),
    });
    expect(run.stderr).not.toMatch(/--subscription/);
  });
});

describe.concurrent('5. an abort\'s 409, read from its code and message', () => {
  const conflict = (message: string) => ({ status: 409, headers: { 'x-ms-request-id': 'req-409' }, json: { error: { code: 'OperationNotAllowed', message } } });
  const IN_PROGRESS = 'Operation is not allowed: Another operation (Canceling) is in progress, please wait for it to finish before starting a new operation.';
  const FINISHED = 'The operation completed before it could be aborted.';

  test('the issue input: another operation (Canceling) in progress is a conflict, not "nothing to abort"', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, conflict(IN_PROGRESS));
    const run = await runCli(abort(s, '-o', 'json', '--nothing-to-abort-ok'));
    expectExit(run, 3);
    expect(jsonOf(run).error).toMatchObject({
      status: 409, code: 'OperationNotAllowed', message: IN_PROGRESS, reason: 'AnotherOperationInProgress',
      hint: expect.stringMatching(/^another operation \(Canceling\) is in progress on the cluster: an abort is already under way; nothing was aborted/),
    });
    expect(run.stderr).not.toMatch(/nothing to abort/);
  });

  test('"completed before it could be aborted" is NothingToAbort: exit 3, or 0 with --nothing-to-abort-ok', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, conflict(FINISHED));
    const plain = await runCli(abort(s, '-o', 'json'));
    expectExit(plain, 3);
    expect(jsonOf(plain).error).toMatchObject({ status: 409, reason: 'NothingToAbort', hint: expect.stringMatching(/^nothing to abort/) });
    const ok = await runCli(abort(s, '-o', 'json', '--nothing-to-abort-ok'));
    expectExit(ok, 0);
    expect(jsonOf(ok)).toMatchObject({ status: 'succeeded', exitCode: 0, nothingToAbort: true });
    expect(jsonOf(ok).error).toBeUndefined();
    const text = await runCli(abort(s, '--nothing-to-abort-ok'));
    expectExit(text, 0);
    expect(text.stdout).toMatch(/✔ aks abort succeeded[\s\S]*nothing to abort: the latest operation finished before it could be aborted \(409 OperationNotAllowed: The operation completed/);
  });

  test('a 204 reports nothingToAbort in JSON too', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, { status: 204 });
    const run = await runCli(abort(s, '-o', 'json'));
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', nothingToAbort: true, requests: 1 });
  });
});
