import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '@azlro/emulator';
import { expectExit, expectNoSecrets, jsonOf, runCli, SECRET_TOKEN, spawnCli } from './helpers.js';

// One emulator for the file; every test uses its own cluster, command and offer names (the
// emulator keeps state per name), so the spawns run concurrently. Operations end on their 2nd poll,
// not after a time: the CLI runs in other processes, where no test clock reaches, and a busy machine
// must not change what it sees. Each "still running" answer asks for Retry-After: 1 (real seconds,
// in the CLI): that wait is what the Ctrl-C and --timeout tests interrupt.
const POLLS_UNTIL_DONE = 2;
let emulator: RunningEmulator;
beforeAll(async () => {
  // Two minutes for Prism on a loaded machine (it takes ~2 s on a quiet one).
  emulator = await startEmulator({ pollsUntilDone: POLLS_UNTIL_DONE, timings: { retryAfterInSeconds: 1 }, startTimeoutInMs: 120_000 });
}, 150_000);
afterAll(async () => {
  await emulator?.close();
});

const aks = (verb: string, cluster: string) => [
  'aks', verb, '--endpoint', emulator.endpoints.arm, '--subscription', emulator.info.subscriptionId, '-g', emulator.info.resourceGroupName, '-n', cluster,
];
const partner = (offer: string) => ['partner', 'cancel', '--endpoint', emulator.endpoints.cloudPartner, '--publisher', 'contoso', '--offer', offer];
const batch = (thumbprint: string) => ['batch', 'cancel-certificate-deletion', '--account-endpoint', emulator.endpoints.batch, '--thumbprint', thumbprint];
const sharedKey = () => ['--account-name', emulator.info.batch.accountName, '--account-key', emulator.info.batch.accountKey];

describe.concurrent('azlro against the emulator', () => {
  test('aks abort: exit 0, one JSON object with status, request id and request count', async () => {
    const run = await runCli([...aks('abort', 'aks-json'), '-o', 'json']);
    expectExit(run, 0);
    const json = jsonOf(run);
    expect(json).toMatchObject({ operation: 'aks abort', status: 'succeeded', exitCode: 0, requestId: expect.any(String) });
    expect(json.requests).toBe(1 + POLLS_UNTIL_DONE); // the POST, then one poll per Retry-After until done
    expect(json).not.toHaveProperty('resumeToken');
    expect(json).not.toHaveProperty('error');
    expect(run.stderr).toMatch(/aks abort: running/); // progress on stderr, one line per status change
    expect(run.stderr).toMatch(/aks abort: succeeded/);
    expectNoSecrets(run);
  });

  test('aks abort, text: a line for people on stdout', async () => {
    const run = await runCli(aks('abort', 'aks-text'));
    expectExit(run, 0);
    expect(run.stdout).toMatch(/^✔ aks abort succeeded {2}\(\d+ requests, \d+\.\d s\) {2}request id: [0-9a-f-]{36}\n$/);
    expect(run.stdout).not.toMatch(/\x1b\[/); // no colour off a terminal
  });

  test('aks abort with nothing running (204): exit 0, said plainly', async () => {
    const run = await runCli(aks('abort', 'idle-cli'));
    expectExit(run, 0);
    expect(run.stdout).toMatch(/nothing to abort: no operation was running on the cluster \(204\)/);
  });

  test('aks abort that finished first (409): exit 3, said plainly, with code and request id', async () => {
    const text = await runCli(aks('abort', 'finished-cli'));
    expectExit(text, 3);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/✖ aks abort: nothing to abort: the cluster's latest operation finished before it could be aborted/);
    expect(text.stderr).toMatch(/409 OperationNotAllowed: Cannot abort/);
    expect(text.stderr).toMatch(/request id {2}[0-9a-f-]{36}/);
    const jsonRun = await runCli([...aks('abort', 'finished-cli'), '-o', 'json']);
    // The line for people beside the JSON: the service's full stop dropped before `: request id`.
    expect(jsonRun.stderr).toMatch(/^azlro: error: nothing to abort: .+: 409 OperationNotAllowed: Cannot abort: .+[^.]: request id [0-9a-f-]{36}$/m);
    const json = jsonOf(jsonRun);
    expect(json).toMatchObject({
      status: 'failed',
      exitCode: 3,
      error: { status: 409, code: 'OperationNotAllowed', message: expect.stringMatching(/^Cannot abort/), requestId: expect.any(String), hint: expect.stringMatching(/nothing to abort/) },
    });
  });

  test('a missing cluster (404): exit 3 with the service error', async () => {
    const json = jsonOf(await runCli([...aks('abort', 'missing-cli'), '-o', 'json']));
    expect(json).toMatchObject({ exitCode: 3, error: { status: 404, code: 'ResourceNotFound' } });
  });

  test('aks command-result: the RunCommandResult as the service returned it', async () => {
    const run = await runCli([...aks('command-result', 'aks-cmd'), '--command-id', 'cmd-cli-succeeds', '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({
      operation: 'aks command-result',
      status: 'succeeded',
      result: { id: 'cmd-cli-succeeds', properties: { provisioningState: 'succeeded', exitCode: 0, logs: expect.any(String) } },
    });
    const text = await runCli([...aks('command-result', 'aks-cmd'), '--command-id', 'cmd-cli-succeeds']);
    expect(text.stdout).toMatch(/exit code +0\n/);
    expect(text.stdout).toMatch(/logs +command cmd-cli-succeeds ran on aks-cmd/);
  });

  test('aks command-result that fails: exit 1, the reason and the result', async () => {
    const run = await runCli([...aks('command-result', 'aks-cmd'), '--command-id', 'fail-cli', '-o', 'json']);
    expectExit(run, 1);
    expect(jsonOf(run)).toMatchObject({
      status: 'failed',
      exitCode: 1,
      error: { message: 'ImagePullBackoff' },
      result: { properties: { provisioningState: 'failed', reason: 'ImagePullBackoff' } },
    });
  });

  test('partner cancel: 202 followed to completed; 200 canceled at once; legacy Location; 404', async () => {
    const [accepted, sync, legacy, missing] = await Promise.all([
      runCli([...partner('offer-cli'), '--notification-emails', 'a@contoso.com,b@contoso.com', '-o', 'json']),
      runCli(partner('sync-cli')),
      runCli([...partner('legacy-cli'), '-o', 'json']),
      runCli([...partner('missing-cli'), '-o', 'json']),
    ]);
    expectExit(accepted, 0);
    expect(jsonOf(accepted)).toMatchObject({ operation: 'partner cancel', status: 'succeeded', result: { status: 'completed', id: expect.any(String) } });
    expectExit(sync, 0);
    expect(sync.stdout).toMatch(/canceled at once/);
    expectExit(legacy, 0);
    expect(jsonOf(legacy).result).toMatchObject({ status: 'completed' });
    expectExit(missing, 3);
    expect(jsonOf(missing)).toMatchObject({ error: { status: 404 } });
  });

  test('batch cancel deletion: Shared Key from flags or the environment, or a bearer token', async () => {
    const { accountName, accountKey, thumbprints } = emulator.info.batch;
    const [flags, env, bearer] = await Promise.all([
      runCli([...batch(thumbprints.canceled), ...sharedKey(), '-o', 'json']),
      runCli([...batch(thumbprints.canceled), '-o', 'json'], { env: { AZ_BATCH_ACCOUNT: accountName, AZ_BATCH_ACCESS_KEY: accountKey } }),
      runCli([...batch(thumbprints.canceled), '-o', 'json']),
    ]);
    for (const run of [flags, env, bearer]) {
      expectExit(run, 0);
      expect(jsonOf(run)).toMatchObject({ operation: 'batch cancel-certificate-deletion', status: 'succeeded', requestId: expect.any(String), requests: 1 });
      expectNoSecrets(run, accountKey);
    }
  });

  test('batch cancel deletion of the retired feature: exit 3, and the retirement is explained', async () => {
    const run = await runCli([...batch(emulator.info.batch.thumbprints.retired), ...sharedKey()]);
    expectExit(run, 3);
    expect(run.stderr).toMatch(/retired on 2024-02-29/);
    expect(run.stderr).toMatch(/Key Vault VM extension/);
    expect(run.stderr).toMatch(/400 CertificateRetired/);
    const json = jsonOf(await runCli([...batch(emulator.info.batch.thumbprints.retired), ...sharedKey(), '-o', 'json']));
    expect(json.error).toMatchObject({ status: 400, code: 'CertificateRetired', requestId: expect.any(String), hint: expect.stringMatching(/deprecated/) });
  });

  test('--no-wait in one process, azlro wait <token> in another', async () => {
    const started = await runCli([...aks('abort', 'aks-resume'), '--no-wait', '-o', 'json']);
    expectExit(started, 0);
    const first = jsonOf(started);
    expect(first).toMatchObject({ status: 'running', exitCode: 0, resumeToken: expect.any(String), requests: 1 });
    expect(first.continueWith).toBe(`azlro wait ${first.resumeToken} --endpoint ${emulator.endpoints.arm}`);
    expect(Buffer.from(first.resumeToken, 'base64url').toString()).not.toContain(SECRET_TOKEN);

    const waited = await runCli(['wait', first.resumeToken, '--endpoint', emulator.endpoints.arm, '-o', 'json']);
    expectExit(waited, 0);
    expect(jsonOf(waited)).toMatchObject({ operation: 'aks abort', status: 'succeeded', exitCode: 0 });
    expect(jsonOf(waited)).not.toHaveProperty('resumeToken');
  });

  test('--no-wait and wait for a command result and a partner cancel, text mode', async () => {
    const [command, offer] = await Promise.all([
      runCli([...aks('command-result', 'aks-cmd'), '--command-id', 'cmd-cli-resume', '--no-wait']),
      runCli([...partner('offer-cli-resume'), '--no-wait']),
    ]);
    for (const run of [command, offer]) {
      expectExit(run, 0);
      expect(run.stdout).toMatch(/still running \(accepted; not waiting\)/);
      const [, token, endpoint] = /continue with: azlro wait (\S+) --endpoint (\S+)/.exec(run.stdout) ?? [];
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const waited = await runCli(['wait', token!, '--endpoint', endpoint!, '-o', 'json']);
      expectExit(waited, 0);
      expect(jsonOf(waited).status).toBe('succeeded');
    }
  });

  test('--timeout: exit 4 with the resume token; waiting on from it succeeds', async () => {
    // The abort ends on its 2nd poll, and the 1st waits the 202's Retry-After (1 s): at 1 s at most
    // one poll has gone out, so it is still running however slow the machine is.
    const run = await runCli([...aks('abort', 'aks-timeout'), '--timeout', '1', '-o', 'json']);
    expectExit(run, 4);
    const json = jsonOf(run);
    expect(json).toMatchObject({ status: 'running', exitCode: 4, resumeToken: expect.any(String) });
    expect(run.stderr).toContain(`continue with: azlro wait ${json.resumeToken} --endpoint ${emulator.endpoints.arm}`);

    const waited = await runCli(['wait', json.resumeToken, '--endpoint', emulator.endpoints.arm]);
    expectExit(waited, 0);
    expect(waited.stdout).toMatch(/✔ aks abort succeeded/);
  });

  // Real time on purpose: a real SIGINT landing in a real Retry-After wait of a real process. It is
  // sent once the CLI says "running"; the abort cannot end before its 2nd poll, 2 s of Retry-After
  // later, so a slow machine only delays the test.
  test('Ctrl-C mid-wait: exit 130, the resume token and the azlro wait line; resuming finishes it', async () => {
    const cli = spawnCli(aks('abort', 'aks-interrupt'));
    await cli.waitFor(/aks abort: running/, 'stderr');
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expectExit(run, 130);
    expect(run.stdout).toMatch(/still running \(interrupted; the operation goes on at the service\)/);
    const token = /continue with: azlro wait (\S+)/.exec(run.stdout)?.[1];
    expect(run.stdout.split(token!)).toHaveLength(2); // printed once
    expect(run.stdout).toContain(`continue with: azlro wait ${token} --endpoint ${emulator.endpoints.arm}`);

    const waited = await runCli(['wait', token!, '--endpoint', emulator.endpoints.arm, '-o', 'json']);
    expectExit(waited, 0);
    expect(jsonOf(waited).status).toBe('succeeded');
  });

  test('Ctrl-C with --output json: the token in the JSON object, the azlro wait line on stderr', async () => {
    const cli = spawnCli([...partner('offer-cli-interrupt'), '-o', 'json']);
    await cli.waitFor(/partner cancel: running/, 'stderr');
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expectExit(run, 130);
    const json = jsonOf(run);
    expect(json).toMatchObject({ operation: 'partner cancel', status: 'running', exitCode: 130, resumeToken: expect.any(String) });
    expect(run.stderr).toContain(`continue with: azlro wait ${json.resumeToken}`);
  });

  test('--verbose logs every exchange to stderr, and no credential anywhere', async () => {
    const { accountKey } = emulator.info.batch;
    const [abort, cancel] = await Promise.all([
      runCli([...aks('abort', 'aks-verbose'), '--verbose', '-o', 'json']),
      runCli([...batch(emulator.info.batch.thumbprints.canceled), ...sharedKey(), '--verbose']),
    ]);
    expectExit(abort, 0);
    expect(abort.stderr).toMatch(/azlro:http:info --> POST http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/abort/);
    expect(abort.stderr).toMatch(/azlro:http:info <-- 202 POST/);
    // The status resource in the service's form, with its own api-version.
    expect(abort.stderr).toMatch(/<-- 200 GET .*\/locations\/eastus\/operations\/[0-9a-f-]{36}\?api-version=2017-08-31/);
    expect(jsonOf(abort).status).toBe('succeeded'); // logs never reach stdout
    expectExit(cancel, 0);
    expect(cancel.stderr).toMatch(/<-- 204 POST .*canceldelete/);
    for (const run of [abort, cancel]) expectNoSecrets(run, accountKey);
  });
});
