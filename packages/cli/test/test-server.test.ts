import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifySharedKey } from '@azlro/http/internal';
import type { TestServer } from '@azlro/test-server';
import { expectExit, expectNoSecrets, jsonOf, runCli, SECRET_KEY, SECRET_TOKEN, spawnCli, serverPerTest, SUBSCRIPTION } from './helpers.js';

const ABORT_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/c1/abort`;
const STATUS_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op-1`;
const RESULT_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operations/op-1`;
const COMMAND_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/cmd1`;
const CANCEL_PATH = '/api/publishers/contoso/offers/o1/cancel';
const THUMBPRINT = 'ab'.repeat(20);
const CANCEL_DELETION_PATH = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMBPRINT})/canceldelete`;

const server = serverPerTest();

const abort = (s: TestServer, ...extra: string[]) => ['aks', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', ...extra];
const accepted = (s: TestServer, extra: Record<string, string> = {}) => ({
  status: 202,
  headers: {
    'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2024-02-01`,
    location: `${s.url}${RESULT_PATH}?api-version=2024-02-01`,
    'x-ms-request-id': 'req-202',
    ...extra,
  },
});
const status = (value: string, extra: Record<string, unknown> = {}) => ({
  status: 200,
  headers: { 'retry-after-ms': '20', 'x-ms-request-id': `req-${value}` },
  json: { id: 'op-1', name: 'op-1', status: value, ...extra },
});

/** A resume token as @azlro/lro writes it, for an endpoint (and polling origin) of our choosing. */
function tokenFor(endpoint: string, pollingOrigin = endpoint): string {
  const token = {
    version: 1, kind: 'containerservice.abortLatestOperation', endpoint,
    polling: { url: `${pollingOrigin}${STATUS_PATH}?api-version=2024-02-01`, via: 'asyncOperation' },
    state: { status: 'running', requestIds: {}, pollCount: 0 },
  };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

describe.concurrent('bad input: exit 2, and nothing is sent', () => {
  const cases: [string, (s: TestServer) => string[], RegExp][] = [
    ['a subscription that is not a UUID', (s) => ['aks', 'abort', '--endpoint', s.url, '--subscription', 'nope', '-g', 'rg1', '-n', 'c1'], /subscription/i],
    ['a resource group with a space', (s) => ['aks', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg 1', '-n', 'c1'], /(?:^|error: )-g must be Unicode letters/],
    ['a cluster name too long', (s) => ['aks', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c'.repeat(64)], /(?:^|error: )-n must be 1-63/],
    ['a command id of ..', (s) => ['aks', 'command-result', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', '..'], /(?:^|error: )--command-id must not be ".."/],
    ['a thumbprint that is not 40 hex digits', (s) => ['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', 'xyz'], /thumbprint/],
    ['--endpoint for batch', (s) => ['batch', 'cancel-certificate-deletion', '--endpoint', s.url, '--account-endpoint', s.url, '--thumbprint', THUMBPRINT], /did you mean "--account-endpoint"/],
    ['an account name without its key', (s) => ['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', THUMBPRINT, '--account-name', 'acct'], /go together/],
    ['an account key that is not base64', (s) => ['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', THUMBPRINT, '--account-name', 'acct', '--account-key', 'not base64!'], /base64/],
    ['an access token with a space', (s) => [...abort(s), '--access-token', 'two words'], /--access-token/],
    ['an endpoint that is not a URL', () => ['aks', 'abort', '--endpoint', 'management', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1'], /--endpoint must be an absolute https URL/],
    ['plain http to a host that is not loopback', () => ['partner', 'cancel', '--endpoint', 'http://example.com', '--publisher', 'p', '--offer', 'o'], /must use https/],
    ['a missing option', (s) => ['partner', 'cancel', '--endpoint', s.url, '--publisher', 'p'], /--offer is required/],
    ['an unknown option', (s) => [...abort(s), '--colour'], /colour/],
    ['an unknown command', () => ['aks', 'delete'], /unknown command "aks delete"/],
    ['a negative --timeout', (s) => [...abort(s), '--timeout', '-1'], /--timeout/],
    ['an unknown --output', (s) => [...abort(s), '--output', 'xml'], /--output must be one of text, json, jsonc, yaml, yamlc, table, tsv, none; got "xml"/],
    // Said in the CLI's words (what to pass), not the library's (`resumeToken`, `poller.serialize()`).
    ['a resume token that is garbage', () => ['wait', 'not-a-token'], /not a resume token from azlro: expected the text that --no-wait, --timeout or Ctrl-C printed after `azlro wait`$/m],
    // `azlro wait "$(azlro aks abort … --no-wait -o tsv --query resumeToken)"` when the abort printed no token (a 409).
    ['an empty resume token', () => ['wait', ''], /the resume token is empty: the command meant to print it printed none \(it failed, or the operation was already done\)$/m],
    ['a resume token for an endpoint no one vouched for', () => ['wait', tokenFor('https://attacker.example')], /not a known Azure endpoint: to send your credential there, confirm it with --endpoint/],
    ['a resume token whose polling URL leaves its endpoint', (s) => ['wait', tokenFor(s.url, 'https://attacker.example'), '--endpoint', s.url], /Refusing to poll https:\/\/attacker\.example/],
    ['a resume token for a loopback endpoint, unconfirmed (issue 10 item 7)', (s) => ['wait', tokenFor(s.url)], /not a known Azure endpoint: to send your credential there, confirm it with --endpoint http:\/\/127\.0\.0\.1:\d+/],
    ['a resume token for another endpoint than --endpoint', (s) => ['wait', tokenFor(s.url), '--endpoint', 'https://management.azure.com'], /the resume token is for http:\/\/127\.0\.0\.1/],
  ];

  test.each(cases)('%s', async (_name, args, message) => {
    const s = await server();
    const argv = args(s);
    // A case about --output itself has no JSON variant: a later `-o json` would win.
    const [text, json] = await Promise.all([runCli(argv), argv.includes('--output') ? undefined : runCli([...argv, '-o', 'json'])]);
    expectExit(text, 2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^azlro: error: /);
    expect(text.stderr).toMatch(message);
    expect(text.stderr.match(/Run `azlro[\w -]* --help` for usage\./g)).toHaveLength(1); // one hint, for the command used
    expectNoSecrets(text);
    if (json) {
      expectExit(json, 2);
      expect(jsonOf(json)).toMatchObject({ status: 'failed', exitCode: 2, error: { code: 'InvalidUsage', message: expect.stringMatching(message) } });
      expect(json.stderr).toMatch(/^azlro: error: /); // for people, beside the JSON
      expectNoSecrets(json);
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe.concurrent('polling URLs in the real service\'s form (operations / operationresults, api-version 2017-08-31)', () => {
  const base = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus`;
  const serviceStatus = `${base}/operations/op-1`;
  const serviceResult = `${base}/operationresults/op-1`;
  const serviceForm = (s: TestServer, headers: { asyncOperation?: boolean; location?: boolean }) => ({
    status: 202,
    headers: {
      ...(headers.asyncOperation ? { 'azure-asyncoperation': `${s.url}${serviceStatus}?api-version=2017-08-31` } : {}),
      ...(headers.location ? { location: `${s.url}${serviceResult}?api-version=2017-08-31` } : {}),
      'retry-after': '0',
    },
  });

  test('Azure-AsyncOperation at …/operations/{id}: followed with its own api-version to Succeeded, exit 0', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, serviceForm(s, { asyncOperation: true, location: true }));
    s.route('GET', serviceStatus, [status('InProgress'), status('Succeeded')]);
    const run = await runCli([...abort(s), '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requests: 3 });
    expect(s.requests.slice(1).map((r) => r.url)).toEqual(Array(2).fill(`${serviceStatus}?api-version=2017-08-31`));
  });

  test('…/operations/{id} saying Failed: exit 1 with the service error', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, serviceForm(s, { asyncOperation: true, location: true }));
    s.route('GET', serviceStatus, status('Failed', { error: { code: 'AbortFailed', message: 'the upgrade could not be stopped' } }));
    const run = await runCli([...abort(s), '-o', 'json']);
    expectExit(run, 1);
    expect(jsonOf(run)).toMatchObject({ status: 'failed', exitCode: 1, error: { code: 'AbortFailed' } });
  });

  test('location alone at …/operationresults/{id}: 202 then 204, exit 0', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, serviceForm(s, { location: true }));
    s.route('GET', serviceResult, [
      { status: 202, headers: { location: `${s.url}${serviceResult}?api-version=2017-08-31`, 'retry-after': '0' } },
      { status: 204 },
    ]);
    const run = await runCli([...abort(s), '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requests: 3 });
    expect(s.requests.slice(1).map((r) => r.url)).toEqual(Array(2).fill(`${serviceResult}?api-version=2017-08-31`));
  });

  test('a command result whose 202 Location has lower-case resourcegroups is followed as given, exit 0', async () => {
    const s = await server();
    const lower = COMMAND_PATH.replace('/resourceGroups/', '/resourcegroups/');
    const result = { id: 'cmd1', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ok' } };
    s.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${s.url}${lower}?api-version=2024-09-01`, 'retry-after': '0' } });
    s.route('GET', lower, { status: 200, json: result });
    const run = await runCli(['aks', 'command-result', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', 'cmd1', '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', result });
    expect(s.requests.map((r) => r.path)).toEqual([COMMAND_PATH, lower]);
  });
});

describe.concurrent('azlro against a scripted server', () => {
  test('the bearer token reaches the server and nowhere else, --verbose included', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, [status('InProgress', { percentComplete: 50 }), status('Succeeded')]);
    const run = await runCli([...abort(s), '--verbose', '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requestId: 'req-Succeeded', requests: 3 });
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${SECRET_TOKEN}`));
    expect(s.requests[0]!.headers['user-agent']).toMatch(/^azlro-cli\/0\.1\.0 azlro-containerservice\//);
    expect(run.stderr).toMatch(/azlro:http:info --> GET .*operationStatus/);
    expectNoSecrets(run);
  });

  test('a Batch Shared Key signs the request and is never printed', async () => {
    const s = await server();
    s.route('POST', CANCEL_DELETION_PATH, { status: 204, headers: { 'request-id': 'batch-req-1' } });
    const run = await runCli(
      ['batch', 'cancel-certificate-deletion', '--account-endpoint', s.url, '--thumbprint', THUMBPRINT, '--verbose', '-o', 'json'],
      { env: { AZ_BATCH_ACCOUNT: 'acct', AZ_BATCH_ACCESS_KEY: SECRET_KEY } },
    );
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ status: 'succeeded', requestId: 'batch-req-1', requests: 1 });
    const [request] = s.requests;
    expect(request!.headers.authorization).toMatch(/^SharedKey acct:/);
    const url = new URL(request!.url, s.url).href;
    expect(await verifySharedKey({ method: request!.method, url, headers: request!.headers }, 'acct', SECRET_KEY)).toBe(true);
    expectNoSecrets(run);
  });

  test('an abort that ends Canceled or Failed: exit 1 with the service error', async () => {
    const [canceledServer, failedServer] = await Promise.all([server(), server()]);
    canceledServer.route('POST', ABORT_PATH, accepted(canceledServer));
    canceledServer.route('GET', STATUS_PATH, status('Canceled'));
    failedServer.route('POST', ABORT_PATH, accepted(failedServer));
    failedServer.route('GET', STATUS_PATH, status('Failed', { error: { code: 'AbortFailed', message: 'the upgrade could not be stopped' } }));
    const [canceled, failed] = await Promise.all([runCli([...abort(canceledServer), '-o', 'json']), runCli(abort(failedServer))]);
    expectExit(canceled, 1);
    expect(jsonOf(canceled)).toMatchObject({ status: 'canceled', exitCode: 1 });
    expectExit(failed, 1);
    expect(failed.stdout).toMatch(/✖ aks abort failed .*request id: req-Failed/);
    expect(failed.stdout).toMatch(/error +AbortFailed: the upgrade could not be stopped/);
  });

  test('a service error after the retries: exit 3 with status, code, message and request id', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, {
      status: 503,
      headers: { 'retry-after-ms': '10', 'x-ms-request-id': 'req-503' },
      json: { error: { code: 'ServiceUnavailable', message: 'try again later' } },
    });
    const run = await runCli([...abort(s), '-o', 'json']);
    expectExit(run, 3);
    expect(jsonOf(run)).toMatchObject({
      status: 'failed', exitCode: 3, requests: 4,
      error: { status: 503, code: 'ServiceUnavailable', message: 'try again later', requestId: 'req-503' },
    });
    expect(run.stderr).toMatch(/azlro: error: 503 ServiceUnavailable: try again later: request id req-503/);
    expect(s.requests).toHaveLength(4); // the first attempt and three retries, each after the 10 ms asked for
  });

  test('a 401: exit 3, the credential named as the likely cause, the token nowhere', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, json: { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } } });
    const run = await runCli(abort(s));
    expectExit(run, 3);
    expect(run.stderr).toMatch(/the credential was refused/);
    expect(run.stderr).toMatch(/401 InvalidAuthenticationToken: The access token is invalid\./);
    expectNoSecrets(run);
  });

  test('a failure mid-wait: exit 3, and a resume token since the operation may go on', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    // A lasting 500 (a 429/503 with Retry-After would be throttling: the wait would go on).
    s.route('GET', STATUS_PATH, [status('InProgress'), { status: 500, json: { error: { code: 'InternalServerError', message: 'try later' } } }]);
    const run = await runCli([...abort(s), '-o', 'json']);
    expectExit(run, 3);
    expect(jsonOf(run)).toMatchObject({ status: 'running', exitCode: 3, error: { status: 500 }, resumeToken: expect.any(String) });
    expect(s.requests).toHaveLength(2 + 4); // the POST, one answered poll, then a try and 3 retries
  });

  test('without a token, DefaultAzureCredential: no credential here, so exit 3 saying how to sign in', async () => {
    const s = await server();
    const empty = mkdtempSync(join(tmpdir(), 'azlro-cli-'));
    try {
      // No token, no az login (an empty Azure CLI config), no service principal in the environment.
      const run = await runCli([...abort(s), '-o', 'json'], { env: { AZLRO_ACCESS_TOKEN: undefined, HOME: empty, AZURE_CONFIG_DIR: empty } });
      expectExit(run, 3);
      // On a machine that does have a managed identity the request goes out and the test server answers 404.
      if (s.requests.length === 0) {
        expect(jsonOf(run)).toMatchObject({ status: 'failed', error: { code: expect.stringMatching(/Credential|Authentication/), hint: expect.stringMatching(/az login/) } });
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('a network error: exit 3 after the retries', async () => {
    // Port 2: privileged and unused, so nothing listens, and unlike a just-closed ephemeral port no concurrent test can take it (fetch refuses ports 1 and 9 outright).
    const run = await runCli(['partner', 'cancel', '--endpoint', 'http://127.0.0.1:2', '--publisher', 'contoso', '--offer', 'o1', '-o', 'json']);
    expectExit(run, 3);
    expect(jsonOf(run)).toMatchObject({ status: 'failed', exitCode: 3, requests: 4, error: { code: 'NetworkError', message: expect.stringMatching(/ECONNREFUSED/) } });
  });

  test('a command result that fails: exit 1 with the RunCommandResult', async () => {
    const s = await server();
    const result = { id: 'cmd1', properties: { provisioningState: 'Failed', exitCode: 137, reason: 'OOMKilled' } };
    s.route('GET', COMMAND_PATH, [{ status: 202, headers: { location: `${s.url}${COMMAND_PATH}?api-version=2024-09-01`, 'retry-after-ms': '10' } }, { status: 200, json: result }]);
    const run = await runCli(['aks', 'command-result', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', 'cmd1', '-o', 'json']);
    expectExit(run, 1);
    expect(jsonOf(run)).toMatchObject({ status: 'failed', exitCode: 1, error: { message: 'OOMKilled' }, result });
  });

  test('a partner operation that fails: exit 1', async () => {
    const s = await server();
    s.route('POST', CANCEL_PATH, { status: 202, headers: { location: '/api/publishers/contoso/offers/o1/operations/op9?api-version=2017-10-31' } });
    s.route('GET', '/api/publishers/contoso/offers/o1/operations/op9', { status: 200, json: { id: 'op9', status: 'failed', error: { code: 'CancelFailed', message: 'too late' } } });
    const run = await runCli(['partner', 'cancel', '--endpoint', s.url, '--publisher', 'contoso', '--offer', 'o1', '-o', 'json']);
    expectExit(run, 1);
    expect(jsonOf(run)).toMatchObject({ status: 'failed', error: { code: 'CancelFailed', message: 'too late' }, result: { id: 'op9' } });
  });

  test('Ctrl-C before the service answered: exit 130, nothing to resume', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, { ...accepted(s), delayInMs: 20_000 });
    const cli = spawnCli([...abort(s), '-o', 'json']);
    await until(() => s.requests.length > 0);
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expectExit(run, 130);
    const json = jsonOf(run);
    expect(json).toMatchObject({ status: 'running', exitCode: 130 });
    expect(json).not.toHaveProperty('resumeToken');
  });

  test('SIGTERM mid-wait is handled like Ctrl-C: exit 143 with the resume token', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s));
    s.route('GET', STATUS_PATH, status('InProgress'));
    const cli = spawnCli([...abort(s), '-o', 'json']);
    await until(() => s.requests.length >= 2);
    cli.child.kill('SIGTERM');
    const run = await cli.done;
    expectExit(run, 143);
    expect(jsonOf(run)).toMatchObject({ status: 'running', exitCode: 143, resumeToken: expect.any(String) });
  });

  test('--timeout before the service answered: exit 4, nothing to resume', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, { ...accepted(s), delayInMs: 20_000 });
    const run = await runCli([...abort(s), '--timeout', '0.3']);
    expectExit(run, 4);
    expect(run.stdout).toMatch(/stopped before the service answered: there is nothing to resume/);
  });

  test('--timeout while the operation runs: exit 4, the token and the wait line; wait finishes it later', async () => {
    const s = await server();
    s.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${s.url}${COMMAND_PATH}?api-version=2024-09-01`, 'retry-after-ms': '50' } });
    const run = await runCli(['aks', 'command-result', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', 'cmd1', '--timeout', '5'], { env: { AZLRO_MIN_POLL_INTERVAL_MS: '0' } });
    // 5 s, not 1: on a loaded machine the CLI's first answer took over a second, and a --timeout
    // before any answer leaves nothing to resume (the test above). The command never ends here.
    expectExit(run, 4);
    expect(run.stdout).toMatch(/^… aks command-result still running after --timeout 5\.0 s {2}\(\d+ requests?, /);
    const token = /continue with: azlro wait (\S+)/.exec(run.stdout)?.[1];

    s.route('GET', COMMAND_PATH, { status: 200, json: { id: 'cmd1', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'done' } } });
    const waited = await runCli(['wait', token!, '--endpoint', s.url, '-o', 'json']);
    expectExit(waited, 0);
    expect(jsonOf(waited)).toMatchObject({ operation: 'aks command-result', status: 'succeeded', result: { properties: { exitCode: 0, logs: 'done' } } });
  });

  test('wait --no-wait polls once, after the Retry-After the token carries, and hands back a new token', async () => {
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s, { 'retry-after': '1' }));
    s.route('GET', STATUS_PATH, status('InProgress', { percentComplete: 40 }));
    const started = jsonOf(await runCli([...abort(s), '--no-wait', '-o', 'json']));
    expect(started).toMatchObject({ status: 'running', requests: 1, requestId: 'req-202' });
    const peek = await runCli(['wait', started.resumeToken, '--endpoint', s.url, '--no-wait', '-o', 'json']);
    expectExit(peek, 0);
    expect(jsonOf(peek)).toMatchObject({ status: 'running', requests: 1, requestId: 'req-InProgress', resumeToken: expect.any(String) });
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    // The poll went out no sooner than the 202's Retry-After: 1, though from another process. Real
    // time on purpose: only real processes prove the token carries the wait across them. The lower
    // bound is the point (10 ms of slack for timer rounding); no upper bound, since a loaded machine
    // may start the second process late.
    expect(s.requests[1]!.arrivedAt - s.requests[0]!.arrivedAt).toBeGreaterThanOrEqual(990);
  });

  test('the live line on a terminal: spinner, status, percent, elapsed, next poll', async () => {
    // Through main() in-process is enough for the drawing; the contract tests above spawn the real process.
    const s = await server();
    s.route('POST', ABORT_PATH, accepted(s, { 'retry-after': '1' }));
    s.route('GET', STATUS_PATH, [status('InProgress', { percentComplete: 40 }), status('Succeeded')]);
    const { main } = await import('../src/index.js');
    let stderr = '';
    let stdout = '';
    const code = await main(abort(s), {
      stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { AZLRO_ACCESS_TOKEN: SECRET_TOKEN }, isTTY: true, columns: 200,
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\r\x1b\[2K.*aks abort.*running.*next poll in \d\.\d s/);
    expect(stdout).toMatch(/\x1b\[32m✔/); // colour on a terminal
  });
});

/** Resolves once `condition` holds (checked every 10 ms). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
