// The CLI in an Azure SDK world: proxies from the environment, short tokens that are ordinary words,
// loggers per command, the emulator as an optional package. Real processes, real loopback servers.
import { afterEach, describe, expect, test } from 'vitest';
import { startConnectProxy, startTestServer, type ConnectProxy, type TestServer } from '@azlro/test-server';
import { EMULATOR_MISSING, loadEmulator } from '../src/emulator-package.js';
import { UsageError } from '../src/args.js';
import { expectExit, expectNoSecrets, jsonOf, runCli, SECRET_TOKEN, SUBSCRIPTION } from './helpers.js';

const COMMAND_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/cmd1`;
let proxy: ConnectProxy | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  proxy = server = undefined;
});

describe('HTTPS_PROXY', () => {
  test('the CLI reaches an https endpoint through the proxy with CONNECT, and the proxy sees no credential', async () => {
    proxy = await startConnectProxy();
    const run = await runCli(
      ['aks', 'abort', '--endpoint', 'https://management.azure.com', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '-o', 'json'],
      { env: { HTTPS_PROXY: proxy.url }, limitInMs: 60_000 },
    );
    // The proxy refuses every tunnel (502), so the command fails as a network error, after trying.
    expect(run.code).not.toBe(0);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.requests.map((r) => `${r.method} ${r.target}`))).toEqual(new Set(['CONNECT management.azure.com:443']));
    for (const request of proxy.requests) expect(request.headers.authorization).toBeUndefined();
    expect(JSON.stringify(proxy.requests)).not.toContain(SECRET_TOKEN);
    expect(run.stderr + run.stdout).not.toContain('ENOTFOUND');
    expectNoSecrets(run);
  }, 70_000);

  test('NO_PROXY and loopback endpoints go direct', async () => {
    proxy = await startConnectProxy();
    server = await startTestServer();
    server.route('GET', COMMAND_PATH, { status: 200, json: { properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ok' } } });
    const run = await runCli(
      ['aks', 'command-result', '--endpoint', server.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', 'cmd1', '-o', 'json'],
      { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } },
    );
    expectExit(run, 0);
    expect(server.requests).toHaveLength(1);
    expect(proxy.requests).toEqual([]);
  });
});

describe('output is never corrupted by redaction', () => {
  test('AZLRO_ACCESS_TOKEN=emulator: the word "emulator" in a command log is printed as it is', async () => {
    server = await startTestServer();
    server.route('GET', COMMAND_PATH, { status: 200, json: { properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ran on aks-demo (azlro emulator)' } } });
    const args = ['aks', 'command-result', '--endpoint', server.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--command-id', 'cmd1'];
    const [json, text] = await Promise.all([
      runCli([...args, '-o', 'json', '--verbose'], { env: { AZLRO_ACCESS_TOKEN: 'emulator' } }),
      runCli(args, { env: { AZLRO_ACCESS_TOKEN: 'emulator' } }),
    ]);
    expectExit(json, 0);
    expect(jsonOf(json).result.properties.logs).toBe('ran on aks-demo (azlro emulator)');
    expect(text.stdout).toContain('ran on aks-demo (azlro emulator)');
    expect(json.stdout + json.stderr + text.stdout + text.stderr).not.toContain('azlro REDACTED');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer emulator');
    // --verbose logs went to stderr through the command's own logger
    expect(json.stderr).toMatch(/azlro:http:info <-- 200 GET /);
  });
});

describe('the emulator is an optional package', () => {
  test('loadEmulator explains how to install it when it is absent', async () => {
    const error = await loadEmulator('@azlro/emulator-that-is-not-installed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(EMULATOR_MISSING);
    expect(EMULATOR_MISSING).toContain('npm install @azlro/emulator');
  });

  test('loadEmulator loads it when it is there', async () => {
    const emulator = await loadEmulator();
    expect(typeof emulator.startEmulator).toBe('function');
  });
});
