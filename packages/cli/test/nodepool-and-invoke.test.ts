// `aks nodepool abort` and `aks command invoke`: the real CLI process against loopback servers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { expectExit, expectNoSecrets, jsonOf, runCli, SUBSCRIPTION } from './helpers.js';

const POOL_ABORT_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/c1/agentPools/np1/abort`;
const STATUS_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operations/op-1`;
const RUN_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1/runCommand`;
const RESULT_PATH = `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/0e9872e6629349dc865e27ee6f8bab2d`;

const servers: TestServer[] = [];
const folders: string[] = [];
async function server(): Promise<TestServer> {
  const s = await startTestServer();
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const poolAbort = (s: TestServer, ...extra: string[]) =>
  ['aks', 'nodepool', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '--cluster-name', 'c1', '--nodepool-name', 'np1', ...extra];
const invoke = (s: TestServer, ...extra: string[]) => ['aks', 'command', 'invoke', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', ...extra];
const started = (s: TestServer) => ({ status: 202, headers: { location: `${s.url}${RESULT_PATH}?api-version=2024-09-01` } });
const finished = (exitCode: number, logs: string) => ({
  json: { id: '0e9872e6629349dc865e27ee6f8bab2d', properties: { provisioningState: 'succeeded', exitCode, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z', logs } },
});
/** The files a run-command request carried in `context`, unzipped. */
function contextFiles(s: TestServer): Record<string, string> {
  const body = JSON.parse(s.requests.find((r) => r.method === 'POST')!.body) as { context?: string };
  return Object.fromEntries(Object.entries(unzipSync(Buffer.from(body.context!, 'base64'))).map(([name, data]) => [name, strFromU8(data)]));
}

describe.concurrent('azlro aks nodepool abort', () => {
  test('202 → polls → Succeeded: exit 0, the abort POSTed on the agent pool', async () => {
    const s = await server();
    s.route('POST', POOL_ABORT_PATH, { status: 202, headers: { 'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2017-08-31`, 'retry-after-ms': '20' } });
    s.route('GET', STATUS_PATH, [{ json: { status: 'InProgress' }, headers: { 'retry-after-ms': '20' } }, { json: { status: 'Succeeded' } }]);
    const run = await runCli([...poolAbort(s), '-o', 'json']);
    expectExit(run, 0);
    expect(jsonOf(run)).toMatchObject({ operation: 'aks nodepool abort', status: 'succeeded', exitCode: 0, requests: 3 });
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${POOL_ABORT_PATH}?api-version=2024-09-01`,
      `GET ${STATUS_PATH}?api-version=2017-08-31`,
      `GET ${STATUS_PATH}?api-version=2017-08-31`,
    ]);
    expectNoSecrets(run);
  });

  test('204: exit 0, nothing to abort', async () => {
    const s = await server();
    s.route('POST', POOL_ABORT_PATH, { status: 204 });
    const run = await runCli(poolAbort(s));
    expectExit(run, 0);
    expect(run.stdout).toMatch(/aks nodepool abort succeeded/);
    expect(run.stdout).toMatch(/nothing to abort: no operation was running on the node pool \(204\)/);
  });

  test('409: exit 3 with the service code and the node pool hint', async () => {
    const s = await server();
    s.route('POST', POOL_ABORT_PATH, { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'The operation completed before it could be aborted.' } } });
    const run = await runCli([...poolAbort(s), '-o', 'json']);
    expectExit(run, 3);
    expect(jsonOf(run).error).toMatchObject({ status: 409, code: 'OperationNotAllowed' });
  });

  test('a node pool name outside ^[a-z][a-z0-9]{0,11}$: exit 2 naming it, nothing sent', async () => {
    const s = await server();
    const run = await runCli([...poolAbort(s).slice(0, -1), 'NodePool-1']);
    expectExit(run, 2);
    expect(run.stderr).toMatch(/--nodepool-name must be 1-12 lower-case letters and digits/);
    expect(s.requests).toHaveLength(0);
  });

  test('--nodepool-name missing: exit 2 naming the flag', async () => {
    const s = await server();
    const run = await runCli(poolAbort(s).slice(0, -2));
    expectExit(run, 2);
    expect(run.stderr).toMatch(/--nodepool-name is required/);
  });
});

describe.concurrent('azlro aks command invoke', () => {
  test('202 → polls → done: exit 0, the logs printed; no --timeout means no time limit', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, [{ status: 202, headers: { 'retry-after-ms': '20' } }, finished(0, 'NAME READY\npod-1 1/1\n')]);
    const run = await runCli(invoke(s, '--command', 'kubectl get pods -A'));
    expectExit(run, 0);
    expect(run.stdout).toMatch(/✔ aks command invoke succeeded/);
    expect(run.stdout).toMatch(/exit code +0/);
    expect(run.stdout).toMatch(/logs +NAME READY\n +pod-1 1\/1/);
    expect(JSON.parse(s.requests[0]!.body)).toEqual({ command: 'kubectl get pods -A' });
  });

  test('a command that exits non-zero: azlro exits 5, commandExitCode and the logs reported', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, finished(2, 'error: the server does not have resource type "podz"\n'));
    const run = await runCli([...invoke(s, '--command', 'kubectl get podz'), '-o', 'json']);
    expectExit(run, 5);
    expect(jsonOf(run)).toMatchObject({
      operation: 'aks command invoke', status: 'failed', exitCode: 5, commandExitCode: 2,
      error: { code: 'CommandFailed' }, result: { properties: { exitCode: 2, logs: expect.stringContaining('podz') } },
    });
    // The progress line on stderr ends as the report does: failed, never "succeeded" before the ✖.
    expect(run.stderr).toMatch(/aks command invoke: failed · exit code 2\n/);
    expect(run.stderr).not.toMatch(/succeeded/);
  });

  test('provisioningState failed (the command could not run): exit 1 with the reason', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, { json: { id: 'x', properties: { provisioningState: 'failed', reason: 'ImagePullBackoff' } } });
    const run = await runCli([...invoke(s, '--command', 'ls'), '-o', 'json']);
    expectExit(run, 1);
    expect(jsonOf(run).error).toMatchObject({ message: 'ImagePullBackoff' });
  });

  test('--file: the files arrive intact in context (unzipped here), by their path from the current folder', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, finished(0, 'applied'));
    const folder = mkdtempSync(join(tmpdir(), 'azlro-invoke-'));
    folders.push(folder);
    mkdirSync(join(folder, 'manifests'));
    writeFileSync(join(folder, 'manifests', 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: émoji-✓\n');
    writeFileSync(join(folder, 'values.yaml'), 'replicas: 3\n');
    const run = await runCli(invoke(s, '--command', 'kubectl apply -f manifests/ns.yaml', '--file', 'manifests/ns.yaml', '-f', 'values.yaml'), { cwd: folder });
    expectExit(run, 0);
    expect(contextFiles(s)).toEqual({ 'manifests/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: émoji-✓\n', 'values.yaml': 'replicas: 3\n' });
  });

  test('--file . attaches the current folder, sub-folders included', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, finished(0, 'ok'));
    const folder = mkdtempSync(join(tmpdir(), 'azlro-invoke-'));
    folders.push(folder);
    mkdirSync(join(folder, 'a', 'b'), { recursive: true });
    writeFileSync(join(folder, 'top.txt'), 'top');
    writeFileSync(join(folder, 'a', 'b', 'deep.txt'), 'deep');
    expectExit(await runCli(invoke(s, '--command', 'ls -R', '--file', '.'), { cwd: folder }), 0);
    expect(contextFiles(s)).toEqual({ 'top.txt': 'top', 'a/b/deep.txt': 'deep' });
  });

  test('a --file that does not exist: exit 2 naming it, nothing sent', async () => {
    const s = await server();
    const run = await runCli(invoke(s, '--command', 'ls', '--file', 'no-such-file.yaml'));
    expectExit(run, 2);
    expect(run.stderr).toMatch(/--file "no-such-file\.yaml": no such file or folder/);
    // Named as typed, like every other flag's message (`-n must be …`).
    const short = await runCli(invoke(s, '-c', 'ls', '-f', 'no-such-file.yaml'));
    expectExit(short, 2);
    expect(short.stderr).toMatch(/error: -f "no-such-file\.yaml": no such file or folder/);
    expect(s.requests).toHaveLength(0);
  });

  test('--no-wait prints the command id and a token without the command; azlro wait then finishes it (exit 5 kept)', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, { status: 202 });
    const secretCommand = 'kubectl create secret generic db --from-literal=password=azlro-cli-hunter2';
    const first = await runCli([...invoke(s, '--command', secretCommand, '--no-wait'), '-o', 'json']);
    expectExit(first, 0);
    const report = jsonOf(first);
    expect(report).toMatchObject({ operation: 'aks command invoke', status: 'running', commandId: '0e9872e6629349dc865e27ee6f8bab2d' });
    expect(Buffer.from(report.resumeToken as string, 'base64url').toString('utf8')).not.toContain('hunter2');
    expect(s.requests).toHaveLength(1);

    s.route('GET', RESULT_PATH, finished(7, 'exited 7'));
    // A loopback endpoint gets the credential only when --endpoint confirms it (as continueWith says).
    expect(report.continueWith).toBe(`azlro wait ${report.resumeToken as string} --endpoint ${s.origin}`);
    const waited = await runCli(['wait', report.resumeToken as string, '--endpoint', s.url, '-o', 'json']);
    expectExit(waited, 5);
    expect(jsonOf(waited)).toMatchObject({ operation: 'aks command invoke', commandExitCode: 7, result: { properties: { logs: 'exited 7' } } });
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  test('--debug shows every exchange but never the command, its files or the cluster token', async () => {
    const s = await server();
    s.route('POST', RUN_PATH, started(s));
    s.route('GET', RESULT_PATH, finished(0, 'ok'));
    const folder = mkdtempSync(join(tmpdir(), 'azlro-invoke-'));
    folders.push(folder);
    writeFileSync(join(folder, 'secret.env'), 'PASSWORD=azlro-file-secret-31415\n');
    const run = await runCli(invoke(s, '--command', 'echo azlro-command-secret-27182', '--file', 'secret.env', '--debug'), { cwd: folder });
    expectExit(run, 0);
    expect(run.stderr).toMatch(/debug: #1 --> POST \S+\/runCommand/);
    expect(run.stderr).toMatch(/body not shown: the command, its files and cluster token/);
    expect(run.stderr).toMatch(/debug: #2 --> GET \S+\/commandResults\//);
    const context = (JSON.parse(s.requests[0]!.body) as { context: string }).context;
    for (const secret of ['azlro-command-secret-27182', context]) expect(run.stderr + run.stdout).not.toContain(secret);
  });

  test('--command missing: exit 2 naming the flag', async () => {
    const s = await server();
    const run = await runCli(invoke(s));
    expectExit(run, 2);
    expect(run.stderr).toMatch(/--command is required/);
  });
});
