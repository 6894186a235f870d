// The fault matrix of issue 10: one entry per kind of fault the real service or the network can
// throw at the `azlro` command, each run against a fresh loopback server with the real CLI as a
// process, each with the outcome it must have. test/fault-matrix.test.ts runs them and prints the table.
import { expect } from 'vitest';
import type { Step, StepResponse, TestServer } from '@azlro/test-server';
import { jsonOf, runCli, SECRET_TOKEN, spawnCli, SUBSCRIPTION, type CliRun } from '../helpers.js';

export type Family = 'transient HTTP' | 'network' | 'polling protocol' | 'signals and resume tokens' | 'secrets' | 'bad input';

export interface FaultKind {
  family: Family;
  name: string;
  /** The outcome it must have, in a few words (printed in the table). */
  expected: string;
  /** Scripts the server, runs the CLI, asserts the outcome (throws when it is not). */
  run(s: TestServer): Promise<void>;
}

export const ABORT_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/abort`;
export const STATUS_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op1`;
const RESULT_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operations/op5`;
const COMMAND_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/cmd1`;
const THUMBPRINT = 'ab'.repeat(20);
const CANCEL_DELETION_PATH = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMBPRINT})/canceldelete`;

/** Polls quickly unless a kind is about the floor itself; per-try limit short where a kind stalls. */
const FAST = { AZLRO_MIN_POLL_INTERVAL_MS: '0' };

const abortArgs = (s: TestServer, ...extra: string[]) =>
  ['aks', 'abort', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'clustername1', '--endpoint', s.url, '--access-token', SECRET_TOKEN, '-o', 'json', ...extra];
const commandArgs = (s: TestServer) =>
  ['aks', 'command-result', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'clustername1', '--command-id', 'cmd1', '--endpoint', s.url, '-o', 'json'];
const statusUrl = (s: TestServer, path = STATUS_PATH) => `${s.url}${path}?api-version=2024-02-01`;
const accepted = (s: TestServer, headers: Record<string, string> = {}): Step => ({
  status: 202, headers: { 'azure-asyncoperation': statusUrl(s), 'retry-after': '0', 'x-ms-request-id': 'req-202', ...headers },
});
const st = (value: string, headers: Record<string, string> = {}): Step => ({ json: { name: 'op1', status: value }, headers: { 'x-ms-request-id': `req-${value}`, ...headers } });
const methods = (s: TestServer) => s.requests.map((r) => r.method).join(',');

function exits(run: CliRun, code: number): Record<string, any> {
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toMatchObject({ code });
  return run.stdout.trim().startsWith('{') ? jsonOf(run) : {};
}

async function abortRun(s: TestServer, initial: Step | Step[], polls: Step | Step[] | undefined, env: Record<string, string> = FAST, ...extra: string[]) {
  s.route('POST', ABORT_PATH, initial);
  if (polls) s.route('GET', STATUS_PATH, polls);
  return runCli(abortArgs(s, ...extra), { env, limitInMs: 60_000 });
}

/** Gaps between successive requests, as the server saw them (ms). */
const gaps = (s: TestServer) => s.requests.slice(1).map((r, i) => r.arrivedAt - s.requests[i]!.arrivedAt);

/** A kind whose poll answer is unusable forever: a protocol fault after 1 + 3 retries, with a resume token. */
function protocolFault(name: string, answer: Step, reason: RegExp): FaultKind {
  return {
    family: 'polling protocol', name, expected: 'exit 3 PollingProtocolError after 4 polls; status running; resume token',
    async run(s) {
      // Retry-After: 0 keeps the matrix fast (the floor is lowered); the poller's own interval would add 2 s per poll.
      const headers = { 'retry-after': '0', ...(answer as { headers?: Record<string, string> }).headers };
      const json = exits(await abortRun(s, accepted(s), { ...(answer as object), headers }), 3);
      expect(json).toMatchObject({ status: 'running', error: { code: 'PollingProtocolError', status: 200 }, resumeToken: expect.any(String) });
      expect(json.error.message).toMatch(reason);
      expect(json.error.message).toContain(`GET ${statusUrl(s)}`);
      expect(methods(s)).toBe('POST,GET,GET,GET,GET');
    },
  };
}

/** An abort whose first answer is `first`, then 202: resent, followed to success. */
function resentAbort(name: string, first: StepResponse, extraEnv: Record<string, string> = {}): FaultKind {
  return {
    family: first.drop || first.delayInMs ? 'network' : 'transient HTTP', name, expected: 'abort resent, exit 0 after POST,POST,GET',
    async run(s) {
      exits(await abortRun(s, [first, accepted(s)], st('Succeeded'), { ...FAST, ...extraEnv }), 0);
      expect(methods(s)).toBe('POST,POST,GET');
    },
  };
}

export const KINDS: FaultKind[] = [
  // ---- transient HTTP
  resentAbort('POST abort -> 500, then 202 (item 10)', { status: 500, json: { error: { code: 'InternalServerError', message: 'Internal Server Error' } } }),
  resentAbort('POST abort -> 502, then 202', { status: 502, body: 'Bad Gateway' }),
  resentAbort('POST abort -> 504, then 202', { status: 504 }),
  resentAbort('POST abort -> 503 Retry-After: 0, then 202', { status: 503, headers: { 'retry-after': '0' } }),
  resentAbort('POST abort -> 429 with no hint, then 202', { status: 429 }),
  {
    family: 'transient HTTP', name: 'POST abort -> 500 forever', expected: 'exit 3 after 4 POSTs, hint says "after the retries"',
    async run(s) {
      const json = exits(await abortRun(s, { status: 500, json: { error: { code: 'InternalServerError', message: 'boom' } } }, undefined), 3);
      expect(json).toMatchObject({ status: 'failed', error: { status: 500, code: 'InternalServerError' } });
      expect(methods(s)).toBe('POST,POST,POST,POST');
    },
  },
  {
    family: 'transient HTTP', name: 'POST abort -> 409 (finished before the abort)', expected: 'exit 3 conflict, "nothing to abort", 1 request',
    async run(s) {
      const json = exits(await abortRun(s, { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'no operation' } } }, undefined), 3);
      expect(json.error.hint).toMatch(/^nothing to abort/);
      expect(methods(s)).toBe('POST');
    },
  },
  {
    family: 'transient HTTP', name: 'POST abort -> 429 Retry-After: 0 forever', expected: 'exit 3 throttled after 4 POSTs (backoff, not a flood)',
    async run(s) {
      const json = exits(await abortRun(s, { status: 429, headers: { 'retry-after': '0' } }, undefined), 3);
      expect(json.error).toMatchObject({ status: 429, hint: 'the service is throttling requests (429), still after the retries: try again later' });
      expect(methods(s)).toBe('POST,POST,POST,POST');
      expect(Math.min(...gaps(s))).toBeGreaterThan(500); // the backoff (800 ms ± 20% first), never "now"
    },
  },
  {
    family: 'transient HTTP', name: 'POST abort -> 429 once, then 409', expected: 'exit 3; the 429 hint does not claim retries; conflict hint says it was resent',
    async run(s) {
      const json = exits(await abortRun(s, [{ status: 429, headers: { 'retry-after': '0' } }, { status: 409, json: { error: { code: 'Conflict', message: 'x' } } }], undefined), 3);
      expect(json.error.hint).toMatch(/an earlier attempt may have aborted it/);
    },
  },
  {
    family: 'transient HTTP', name: 'Batch canceldelete -> 500 (not safe to resend)', expected: 'exit 3 after 1 request',
    async run(s) {
      s.route('POST', CANCEL_DELETION_PATH, [{ status: 500 }, { status: 204 }]);
      exits(await runCli(['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', THUMBPRINT, '-o', 'json'], { env: FAST }), 3);
      expect(methods(s)).toBe('POST');
    },
  },
  {
    family: 'transient HTTP', name: 'Batch 400 CertificateRetired with values[] (item 11)', expected: 'exit 3; error.details keeps the values',
    async run(s) {
      const values = [{ key: 'Reason', value: 'The certificate feature was retired on 2024-02-29' }];
      s.route('POST', CANCEL_DELETION_PATH, { status: 400, json: { code: 'CertificateRetired', message: { lang: 'en-US', value: 'Retired.' }, values } });
      const json = exits(await runCli(['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', THUMBPRINT, '-o', 'json'], { env: FAST }), 3);
      expect(json.error).toMatchObject({ status: 400, code: 'CertificateRetired', details: values });
    },
  },
  {
    family: 'transient HTTP', name: 'poll -> 500, 503 then Succeeded', expected: 'exit 0, the poll retried',
    async run(s) {
      exits(await abortRun(s, accepted(s), [{ status: 500 }, { status: 503, headers: { 'retry-after': '0' } }, st('Succeeded')]), 0);
      expect(methods(s)).toBe('POST,GET,GET,GET');
    },
  },
  {
    family: 'transient HTTP', name: 'poll -> 401 with a static token', expected: 'exit 3 unauthorized, status running, resume token',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }), 3);
      expect(json).toMatchObject({ status: 'running', error: { status: 401 }, resumeToken: expect.any(String) });
      expect(methods(s)).toBe('POST,GET');
    },
  },
  // ---- network
  resentAbort('POST abort: connection reset before the answer', { drop: 'before-headers' }),
  resentAbort('POST abort: body cut mid-way', { status: 202, json: { status: 'Accepted', padding: 'x'.repeat(64) }, drop: 'mid-body' }),
  // The per-try limit holds for every request of the process, healthy ones included, and a healthy
  // loopback answer has taken over 300 ms on a loaded CI machine: 2 s stays far below the 30 s stall.
  resentAbort('POST abort accepted and never answered (per-try limit 2 s)', { delayInMs: 30_000, status: 202 }, { AZLRO_TRY_TIMEOUT_MS: '2000' }),
  {
    family: 'network', name: 'poll: connection reset, then body cut, then Succeeded', expected: 'exit 0, each poll retried',
    async run(s) {
      exits(await abortRun(s, accepted(s), [{ drop: 'before-headers' }, { json: { status: 'InProgress', pad: 'x'.repeat(40) }, drop: 'mid-body' }, st('Succeeded')]), 0);
      expect(methods(s)).toBe('POST,GET,GET,GET');
    },
  },
  {
    family: 'network', name: 'poll: body trickles forever (per-try limit 2 s)', expected: 'exit 3 RequestTimeoutError after 4 tries; resume token',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), { delayInMs: 30_000, json: {} }, { ...FAST, AZLRO_TRY_TIMEOUT_MS: '2000' }), 3); // 2 s: see the resent abort above
      expect(json).toMatchObject({ status: 'running', error: { code: 'RequestTimeoutError' }, resumeToken: expect.any(String) });
      expect(methods(s)).toBe('POST,GET,GET,GET,GET');
    },
  },
  {
    family: 'network', name: 'connection refused (nothing listens)', expected: 'exit 3 NetworkError, nothing received',
    async run(s) {
      const port = s.port;
      await s.close();
      const run = await runCli(['aks', 'abort', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--endpoint', `http://127.0.0.1:${port}`, '-o', 'json'], { env: FAST });
      expect(exits(run, 3)).toMatchObject({ status: 'failed', error: { code: 'NetworkError' } });
    },
  },
  // ---- polling protocol
  {
    family: 'polling protocol', name: 'Retry-After: 0 on every answer (real 1 s floor)', expected: 'exit 0; polls at least ~1 s apart, not ~290 in 5 s',
    async run(s) {
      const running = st('InProgress', { 'retry-after': '0' });
      exits(await abortRun(s, accepted(s), [running, running, st('Succeeded')], {}), 0);
      expect(methods(s)).toBe('POST,GET,GET,GET');
      for (const gap of gaps(s)) expect(gap).toBeGreaterThan(900);
    },
  },
  {
    family: 'polling protocol', name: 'Retry-After: a date in the past (floor 300 ms)', expected: 'polls at the floor, never at once',
    async run(s) {
      const past = { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' };
      exits(await abortRun(s, accepted(s, past), [st('InProgress', past), st('Succeeded')], { AZLRO_MIN_POLL_INTERVAL_MS: '300' }), 0);
      for (const gap of gaps(s)) expect(gap).toBeGreaterThan(250);
    },
  },
  {
    family: 'polling protocol', name: 'Retry-After: -5 (read as a date by Date.parse before)', expected: 'no hint: the 2 s interval',
    async run(s) {
      exits(await abortRun(s, accepted(s, { 'retry-after': '-5' }), st('Succeeded'), FAST), 0);
      expect(gaps(s)[0]).toBeGreaterThan(1900);
    },
  },
  {
    family: 'polling protocol', name: 'Retry-After sent twice ("0, 1")', expected: 'waits the largest (1 s)',
    async run(s) {
      exits(await abortRun(s, { ...accepted(s), headers: { ...(accepted(s) as { headers: object }).headers, 'retry-after': ['0', '1'] } as never }, st('Succeeded'), FAST), 0);
      expect(gaps(s)[0]).toBeGreaterThan(950);
    },
  },
  {
    family: 'polling protocol', name: 'Retry-After: 3000000 (~35 days)', expected: 'cut to the 10 min ceiling: resume token not after now + 10 min',
    async run(s) {
      const before = Date.now();
      const json = exits(await abortRun(s, accepted(s, { 'retry-after': '3000000' }), st('Succeeded'), FAST, '--no-wait'), 0);
      const token = JSON.parse(Buffer.from(json.resumeToken, 'base64url').toString()) as { notBefore?: number };
      expect(token.notBefore).toBeGreaterThan(before + 590_000);
      expect(token.notBefore).toBeLessThanOrEqual(Date.now() + 600_000);
    },
  },
  {
    family: 'polling protocol', name: 'location only: 202, then 200 {"status":"Failed"} (item 2)', expected: 'exit 1 failed, error ExecutionFailure',
    async run(s) {
      s.route('GET', RESULT_PATH, [{ status: 202 }, { json: { status: 'Failed', error: { code: 'ExecutionFailure', message: 'the abort failed' } } }]);
      const json = exits(await abortRun(s, { status: 202, headers: { location: `${s.url}${RESULT_PATH}?api-version=2024-02-01`, 'retry-after': '0' } }, undefined), 1);
      expect(json).toMatchObject({ status: 'failed', error: { code: 'ExecutionFailure', message: 'the abort failed' } });
    },
  },
  {
    family: 'polling protocol', name: 'location only: 200 {"properties":{"provisioningState":"Canceled"}}', expected: 'exit 1 canceled',
    async run(s) {
      s.route('GET', RESULT_PATH, { json: { properties: { provisioningState: 'Canceled' } } });
      expect(exits(await abortRun(s, { status: 202, headers: { location: `${s.url}${RESULT_PATH}?api-version=2024-02-01` } }, undefined), 1).status).toBe('canceled');
    },
  },
  {
    family: 'polling protocol', name: 'location only: 200 {} (a body that says nothing)', expected: 'exit 0 succeeded',
    async run(s) {
      s.route('GET', RESULT_PATH, { json: {} });
      expect(exits(await abortRun(s, { status: 202, headers: { location: `${s.url}${RESULT_PATH}?api-version=2024-02-01` } }, undefined), 0).status).toBe('succeeded');
    },
  },
  protocolFault('status 200 {"name":"op4"} forever (item 3)', { json: { name: 'op4' }, headers: { 'x-ms-request-id': 'rid-op4' } }, /the body has no status \(request id rid-op4\)/),
  protocolFault('status 200 with an empty body forever', { body: '' }, /the body is empty/),
  protocolFault('status 200 text/html forever', { headers: { 'content-type': 'text/html' }, body: '<html><body>maintenance</body></html>' }, /not JSON \(text\/html/),
  protocolFault('status 200 {"status":3} forever', { json: { status: 3 } }, /status is not a string: 3/),
  protocolFault('status 200 application/json whose body is HTML (item 4)', { headers: { 'content-type': 'application/json' }, body: '<!DOCTYPE html><html>oops</html>' }, /not JSON \(application\/json/),
  {
    family: 'polling protocol', name: 'command result 200 {} forever (item 3)', expected: 'exit 3 PollingProtocolError after 4 GETs, not every 2 s forever',
    async run(s) {
      s.route('GET', COMMAND_PATH, { json: {}, headers: { 'retry-after': '0' } });
      const json = exits(await runCli(commandArgs(s), { env: FAST }), 3);
      expect(json).toMatchObject({ status: 'running', error: { code: 'PollingProtocolError' }, resumeToken: expect.any(String) });
      expect(methods(s)).toBe('GET,GET,GET,GET');
    },
  },
  {
    family: 'polling protocol', name: 'status 200 {"status":"Succ (cut), then whole', expected: 'exit 0: one protocol fault, polled again',
    async run(s) {
      exits(await abortRun(s, accepted(s), [{ headers: { 'content-type': 'application/json' }, body: '{"status":"Succ' }, st('Succeeded')]), 0);
      expect(methods(s)).toBe('POST,GET,GET');
    },
  },
  {
    family: 'polling protocol', name: '202 with Azure-AsyncOperation and body {"status":"Accep (item 4)', expected: 'headers win: followed, exit 0',
    async run(s) {
      const initial = accepted(s) as { headers: Record<string, string> };
      exits(await abortRun(s, { ...initial, headers: { ...initial.headers, 'content-type': 'application/json' }, body: '{"status":"Accep' }, st('Succeeded')), 0);
      expect(methods(s)).toBe('POST,GET');
    },
  },
  {
    family: 'polling protocol', name: 'unknown status word, then Succeeded', expected: 'exit 0: an unknown word is still running',
    async run(s) {
      exits(await abortRun(s, accepted(s), [st('Provisioning'), st('Provisioning'), st('Succeeded')]), 0);
      expect(methods(s)).toBe('POST,GET,GET,GET');
    },
  },
  {
    family: 'polling protocol', name: 'Failed with a numeric error code', expected: 'exit 1, error.code the string "500"',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), { json: { status: 'Failed', error: { code: 500, message: 'boom' } } }), 1);
      expect(json.error).toEqual({ code: '500', message: 'boom' });
    },
  },
  {
    family: 'polling protocol', name: 'a poll answer names a new Azure-AsyncOperation', expected: 'the next poll goes there; exit 0',
    async run(s) {
      const moved = STATUS_PATH.replace('op1', 'op2');
      s.route('GET', moved, st('Succeeded'));
      exits(await abortRun(s, accepted(s), st('InProgress', { 'azure-asyncoperation': statusUrl(s, moved) })), 0);
      expect(s.requests.map((r) => r.path)).toEqual([ABORT_PATH, STATUS_PATH, moved]);
    },
  },
  {
    family: 'polling protocol', name: '202 with no polling header', expected: 'exit 3 naming the problem',
    async run(s) {
      const json = exits(await abortRun(s, { status: 202 }, undefined), 3);
      expect(json.error.message).toMatch(/without Azure-AsyncOperation or location/);
    },
  },
  {
    family: 'polling protocol', name: 'polling URL on another origin', expected: 'exit 3 PollingOriginError; status running, not failed',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s, { 'azure-asyncoperation': 'https://elsewhere.example/op?api-version=1' }), undefined), 3);
      expect(json).toMatchObject({ status: 'running', error: { code: 'PollingOriginError' } });
      expect(methods(s)).toBe('POST');
    },
  },
  {
    family: 'polling protocol', name: 'a 302 during polling (item 11)', expected: 'exit 3 "redirect to <origin> refused"; resume token',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), { status: 302, headers: { location: 'https://elsewhere.example/x?sig=abc' } }), 3);
      expect(json.error.message).toBe('redirect to https://elsewhere.example refused (redirects are never followed, so a credential cannot leave its origin)');
      expect(json).toMatchObject({ status: 'running', resumeToken: expect.any(String) });
    },
  },
  {
    family: 'polling protocol', name: 'a 404 HTML page from the status URL after acceptance (items 10, 11)', expected: 'exit 3: the record is gone; the page summarised',
    async run(s) {
      const page = `<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>${'<p>lorem ipsum</p>'.repeat(300)}</body></html>`;
      const json = exits(await abortRun(s, accepted(s), { status: 404, headers: { 'content-type': 'text/html' }, body: page }), 3);
      expect(json.error.hint).toMatch(/^the operation's record is gone/);
      expect(json.error.message).toMatch(/HTML page "404 Not Found": Not Found lorem ipsum/);
      expect(json.error.message).not.toMatch(/<|(lorem ipsum ){12}/); // the page summarised, not printed
      expect(json.error.message.length).toBeLessThan(400);
    },
  },
  {
    family: 'polling protocol', name: 'command exit code 1 with provisioningState succeeded (item 6)', expected: 'exit 5, commandExitCode 1, not "succeeded"',
    async run(s) {
      s.route('GET', COMMAND_PATH, { json: { id: 'cmd1', properties: { provisioningState: 'succeeded', exitCode: 1, logs: 'error: boom' } } });
      const json = exits(await runCli(commandArgs(s), { env: FAST }), 5);
      expect(json).toMatchObject({ status: 'failed', exitCode: 5, commandExitCode: 1, error: { code: 'CommandFailed' }, result: { properties: { exitCode: 1 } } });
      const text = await runCli(commandArgs(s).slice(0, -2), { env: FAST });
      expect(text.code).toBe(5);
      expect(text.stdout).not.toMatch(/succeeded/);
      expect(text.stdout).toMatch(/exit code +1/);
    },
  },
  {
    family: 'polling protocol', name: 'command exit code 0', expected: 'exit 0 (the control)',
    async run(s) {
      s.route('GET', COMMAND_PATH, { json: { id: 'cmd1', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ok' } } });
      expect(exits(await runCli(commandArgs(s), { env: FAST }), 0)).not.toHaveProperty('commandExitCode');
    },
  },
  // ---- signals and resume tokens
  ...(['SIGINT', 'SIGTERM'] as const).map((signal): FaultKind => ({
    family: 'signals and resume tokens', name: `${signal} mid-wait`, expected: `exit ${signal === 'SIGINT' ? 130 : 143} with a resume token`,
    async run(s) {
      s.route('POST', ABORT_PATH, accepted(s));
      s.route('GET', STATUS_PATH, st('InProgress', { 'retry-after': '60' }));
      const cli = spawnCli(abortArgs(s), { env: FAST });
      while (!s.requests.some((r) => r.method === 'GET')) await new Promise((r) => setTimeout(r, 20));
      cli.child.kill(signal);
      const json = exits(await cli.done, signal === 'SIGINT' ? 130 : 143);
      expect(json).toMatchObject({ status: 'running', resumeToken: expect.any(String) });
    },
  })),
  {
    family: 'signals and resume tokens', name: '--timeout while running', expected: 'exit 4 with a resume token',
    async run(s) {
      // --timeout 5, not 1: under load the 202 took over a second to come back, and a --timeout before
      // any answer rightly leaves nothing to resume. The 202's Retry-After (60 s) keeps it running.
      expect(exits(await abortRun(s, accepted(s, { 'retry-after': '60' }), st('InProgress'), FAST, '--timeout', '5'), 4)).toMatchObject({ resumeToken: expect.any(String) });
    },
  },
  {
    family: 'signals and resume tokens', name: 'wait <loopback token> without --endpoint (item 7)', expected: 'exit 2; no request, no credential sent',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), st('InProgress'), FAST, '--no-wait'), 0);
      expect(json.continueWith).toBe(`azlro wait ${json.resumeToken} --endpoint ${s.url}`);
      const before = s.requests.length;
      exits(await runCli(['wait', json.resumeToken, '--access-token', 'X-credential-123456'], { env: FAST }), 2);
      expect(s.requests.length).toBe(before);
    },
  },
  {
    family: 'signals and resume tokens', name: 'wait <hand-made token for http://127.0.0.2:P> (item 7)', expected: 'exit 2 asking for --endpoint; nothing sent',
    async run(s) {
      const endpoint = `http://127.0.0.2:${s.port}`;
      const token = Buffer.from(JSON.stringify({
        version: 1, kind: 'containerservice.abortLatestOperation', endpoint,
        polling: { url: `${endpoint}${STATUS_PATH}?api-version=2024-02-01`, via: 'asyncOperation' }, state: { status: 'running', requestIds: {}, pollCount: 0 },
      })).toString('base64url');
      const json = exits(await runCli(['wait', token, '--access-token', 'X-credential-123456', '-o', 'json'], { env: FAST }), 2);
      expect(json.error.message).toContain(`confirm it with --endpoint ${endpoint}`);
      expect(s.requests).toHaveLength(0);
    },
  },
  {
    family: 'signals and resume tokens', name: 'wait <loopback token> --endpoint <its origin>', expected: 'exit 0',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), st('Succeeded'), FAST, '--no-wait'), 0);
      exits(await runCli(['wait', json.resumeToken, '--endpoint', s.url, '-o', 'json'], { env: FAST }), 0);
    },
  },
  {
    family: 'signals and resume tokens', name: 'a protocol fault then resume from its token', expected: 'exit 3 with a token; wait finishes it (exit 0)',
    async run(s) {
      const json = exits(await abortRun(s, accepted(s), { json: {}, headers: { 'retry-after': '0' } }), 3);
      s.route('GET', STATUS_PATH, st('Succeeded'));
      exits(await runCli(['wait', json.resumeToken, '--endpoint', s.url, '-o', 'json'], { env: FAST }), 0);
    },
  },
  // ---- secrets
  {
    family: 'secrets', name: 'the service echoes the bearer token in an error', expected: 'exit 3; the token nowhere in the output',
    async run(s) {
      const run = await abortRun(s, accepted(s), (r) => ({ status: 400, json: { error: { code: 'Bad', message: `got ${String(r.headers.authorization)}` } } }));
      exits(run, 3);
      expect(run.stdout + run.stderr).not.toContain(SECRET_TOKEN);
    },
  },
  {
    family: 'secrets', name: 'control characters in a service message', expected: 'exit 1; escaped, never raw',
    async run(s) {
      const run = await abortRun(s, accepted(s), { json: { status: 'Failed', error: { code: 'X', message: 'bad \u001b]0;owned\u0007 \u001b[31mred' } } });
      expect(exits(run, 1).error.message).toBe('bad \\x1b]0;owned\\x07 \\x1b[31mred');
      expect(run.stdout + run.stderr).not.toMatch(/\u001b\]|\u0007/);
      const text = await abortRun(s, accepted(s), undefined, FAST);
      expect(text.stdout + text.stderr).not.toMatch(/\u0007/);
    },
  },
  {
    family: 'secrets', name: 'a SAS signature in the polling URL, then 404', expected: 'exit 3; sig redacted in the output',
    async run(s) {
      const run = await abortRun(s, accepted(s, { 'azure-asyncoperation': `${statusUrl(s)}&sig=SIGSECRET0123456789` }), { status: 404 });
      exits(run, 3);
      expect(run.stdout + run.stderr).not.toContain('SIGSECRET0123456789');
    },
  },
  // ---- bad input
  {
    family: 'bad input', name: 'a subscription that is not a UUID', expected: 'exit 2, nothing sent',
    async run(s) {
      exits(await runCli(['aks', 'abort', '--subscription', 'nope', '-g', 'rg1', '-n', 'c1', '--endpoint', s.url, '-o', 'json'], { env: FAST }), 2);
      expect(s.requests).toHaveLength(0);
    },
  },
  {
    family: 'bad input', name: 'plain http to a host that is not loopback', expected: 'exit 2, nothing sent',
    async run() {
      exits(await runCli(['aks', 'abort', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--endpoint', 'http://example.com', '-o', 'json'], { env: FAST }), 2);
    },
  },
  {
    family: 'bad input', name: 'a garbage resume token', expected: 'exit 2',
    async run() {
      exits(await runCli(['wait', 'not-a-token', '-o', 'json'], { env: FAST }), 2);
    },
  },
];
