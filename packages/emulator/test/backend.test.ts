import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { AzlroLogger } from '@azlro/http';
import { computeSharedKeySignature, stringToSign } from '@azlro/http/internal';
import { startBackend, type Backend } from '../src/backend/server.js';
import type { BackendOptions } from '../src/backend/types.js';
import { EMULATOR_BATCH_ACCOUNT_KEY } from '../src/info.js';

// The backend alone, straight over HTTP with a hand-driven clock: exact state machines, no waiting, no Prism.

const sub = '00000000-0000-0000-0000-000000000000';
const arm = 'http://arm.example';
const bearer = { authorization: 'Bearer t' };
let now = 1_700_000_000_000;
const lines: string[] = [];
const logger: AzlroLogger = { verbose: (m) => lines.push(m), info: (m) => lines.push(m), warning: (m) => lines.push(m), error: (m) => lines.push(m) };

async function backendWith(overrides: Partial<BackendOptions> = {}): Promise<Backend> {
  const backend = await startBackend({
    timings: { abortInMs: 1_000, commandInMs: 2_000, offerCancelInMs: 500, retryAfterInSeconds: 3 },
    batchAccounts: [{ name: 'azlroemulator', key: EMULATOR_BATCH_ACCOUNT_KEY }],
    certificatesRetired: false,
    faults: { invalidResponseBodies: false },
    logger,
    now: () => now,
    ...overrides,
  });
  backend.setPublicOrigin('arm', arm);
  backend.setPublicOrigin('batch', 'http://batch.example');
  backend.setPublicOrigin('cloudPartner', 'http://portal.example');
  return backend;
}

let backend: Backend;
beforeAll(async () => (backend = await backendWith()));
afterAll(() => backend.close());
beforeEach(() => backend.reset());

const call = (path: string, init: RequestInit = {}) => fetch(`${backend.url}${path}`, { ...init, headers: { ...bearer, ...init.headers } });
const abort = (name: string) =>
  call(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/${name}/abort?api-version=2024-02-01`, { method: 'POST' });
const viaBackend = (publicUrl: string) => publicUrl.replace(arm, '');

describe('AKS abort state machine', () => {
  test('percentComplete grows with time; Succeeded and 204 once abortInMs has passed; then 409', async () => {
    const started = now;
    const accepted = await abort('aks1');
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('retry-after')).toBe('3');
    const statusUrl = viaBackend(accepted.headers.get('azure-asyncoperation')!);
    const resultUrl = viaBackend(accepted.headers.get('location')!);
    expect(accepted.headers.get('azure-asyncoperation')!.startsWith(`${arm}/subscriptions/${sub}/`)).toBe(true);

    const percent = async () => ((await (await call(statusUrl)).json()) as { percentComplete: number }).percentComplete;
    expect(await percent()).toBe(0);
    now = started + 250;
    expect(await percent()).toBe(25);
    now = started + 999;
    expect(await percent()).toBe(99);
    expect((await call(resultUrl)).status).toBe(202);

    now = started + 1_000;
    const done = await call(statusUrl);
    expect(done.headers.get('retry-after')).toBeNull();
    expect(await done.json()).toEqual({
      id: `/subscriptions/${sub}/providers/Microsoft.ContainerService/locations/eastus/operations/${statusUrl.split('/').pop()!.split('?')[0]}`,
      name: expect.any(String),
      status: 'Succeeded',
      startTime: new Date(started).toISOString().replace('.000', ''),
      endTime: new Date(started + 1_000).toISOString().replace('.000', ''),
      percentComplete: 100,
    });
    expect((await call(resultUrl)).status).toBe(204);
    expect((await abort('aks1')).status).toBe(409);
    expect((await abort('AKS1')).status).toBe(409); // ARM names are case-insensitive
  });

  test('reset() forgets the cluster: it can be aborted again', async () => {
    await abort('aks2');
    now += 5_000;
    expect((await abort('aks2')).status).toBe(409);
    backend.reset();
    expect((await abort('aks2')).status).toBe(202);
  });

  test('the outcome prefixes are case-insensitive', async () => {
    expect((await abort('IdleOne')).status).toBe(204);
    expect((await abort('FINISHED-1')).status).toBe(409);
    expect((await abort('Missing-1')).status).toBe(404);
  });

  test('a polling URL for another subscription is 404', async () => {
    const accepted = await abort('aks3');
    const other = viaBackend(accepted.headers.get('azure-asyncoperation')!).replace(sub, '11111111-1111-1111-1111-111111111111');
    expect((await call(other)).status).toBe(404);
  });
});

describe('command results', () => {
  const result = (name: string, id: string) =>
    call(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}/commandResults/${id}?api-version=2024-09-01`);

  test('running for commandInMs from the first read, then a stable result', async () => {
    const started = now;
    expect((await result('aks', 'c1')).status).toBe(202);
    now = started + 1_999;
    expect((await result('aks', 'c1')).status).toBe(202);
    expect((await result('aks', 'c2')).status).toBe(202); // another command starts its own clock
    now = started + 2_000;
    const done = await result('aks', 'c1');
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      id: 'c1',
      properties: { provisioningState: 'succeeded', exitCode: 0, startedAt: new Date(started).toISOString().replace('.000', '') },
    });
    expect((await result('aks', 'c2')).status).toBe(202);
  });

  test('the Location of a running command is its own public URL, in the service\'s lower-case resourcegroups form', async () => {
    const response = await result('aks', 'c9');
    expect(response.headers.get('location')).toBe(
      `${arm}/subscriptions/${sub}/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/commandResults/c9?api-version=2024-09-01`,
    );
  });
});

describe('authentication, checked by the backend too', () => {
  test('ARM without a bearer token: 401 CloudError with a Bearer challenge', async () => {
    for (const authorization of ['', 'Bearer ', 'Basic abc', 'SharedKey a:b']) {
      const response = await fetch(`${backend.url}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/a/abort?api-version=2024-02-01`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await response.json()).toMatchObject({ error: { code: 'AuthenticationFailed' } });
    }
  });

  test('Cloud Partner without a bearer token: 401', async () => {
    const response = await fetch(`${backend.url}/api/operations/x?api-version=2017-10-31`);
    expect([response.status, response.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
  });

  test('no credential ever reaches the log', async () => {
    lines.length = 0;
    await call('/api/publishers/p/offers/o/cancel?api-version=2017-10-31', { method: 'POST', headers: { authorization: 'Bearer secret-token-123' } });
    expect(lines).toEqual(['POST /api/publishers/p/offers/o/cancel -> 202']);
  });
});

describe('Batch', () => {
  const path = '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123456789abcdef0123456789abcdef01234567)/canceldelete?api-version=2023-11-01.18.0';
  async function signed(target: Backend, account: string, key: string): Promise<Response> {
    const headers = new Headers({ 'ocp-date': new Date().toUTCString(), 'content-length': '0' });
    headers.set('authorization', `SharedKey ${account}:${await computeSharedKeySignature(key, stringToSign({ method: 'POST', url: path, headers }, account))}`);
    return fetch(`${target.url}${path}`, { method: 'POST', headers });
  }

  test('certificatesRetired answers every thumbprint 400 CertificateRetired, after authentication', async () => {
    const retired = await backendWith({ certificatesRetired: true });
    try {
      const response = await signed(retired, 'azlroemulator', EMULATOR_BATCH_ACCOUNT_KEY);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'CertificateRetired', message: { lang: 'en-US' } });
      expect((await signed(retired, 'azlroemulator', Buffer.from('wrong').toString('base64'))).status).toBe(403);
    } finally {
      await retired.close();
    }
  });

  test('batchAccounts replaces the default account', async () => {
    const key = Buffer.from('my own test key').toString('base64');
    const custom = await backendWith({ batchAccounts: [{ name: 'mine', key }] });
    try {
      expect((await signed(custom, 'mine', key)).status).toBe(204);
      expect((await signed(custom, 'azlroemulator', EMULATOR_BATCH_ACCOUNT_KEY)).status).toBe(403);
    } finally {
      await custom.close();
    }
  });
});

describe('Cloud Partner', () => {
  test('the legacy operation id is found whether `$` arrives raw or percent-encoded', async () => {
    const cancel = await call('/api/publishers/p/offers/legacy-1/cancel?api-version=2017-10-31', { method: 'POST' });
    expect(cancel.headers.get('location')).toBe('/api/operations/p$legacy-1$2$preview?api-version=2017-10-31');
    expect((await call('/api/operations/p$legacy-1$2$preview?api-version=2017-10-31')).status).toBe(200);
    expect((await call('/api/operations/p%24legacy-1%242%24preview?api-version=2017-10-31')).status).toBe(200);
  });

  test('a migrated operation is only found under its own offer', async () => {
    const cancel = await call('/api/publishers/p/offers/o1/cancel?api-version=2017-10-31', { method: 'POST' });
    const location = cancel.headers.get('location')!;
    expect((await call(location)).status).toBe(200);
    expect((await call(location.replace('/offers/o1/', '/offers/o2/'))).status).toBe(404);
  });

  test('after offerCancelInMs the operation is completed, and a new cancel starts a new operation', async () => {
    const first = (await call('/api/publishers/p/offers/o3/cancel?api-version=2017-10-31', { method: 'POST' })).headers.get('location')!;
    now += 500;
    expect(await (await call(first)).json()).toMatchObject({ status: 'completed' });
    const second = (await call('/api/publishers/p/offers/o3/cancel?api-version=2017-10-31', { method: 'POST' })).headers.get('location')!;
    expect(second).not.toBe(first);
    expect(await (await call(second)).json()).toMatchObject({ status: 'running' });
  });
});

describe('pollsUntilDone: operations end on a count of polls, whatever the time', () => {
  let counted: Backend;
  beforeAll(async () => (counted = await backendWith({ pollsUntilDone: 3 })));
  afterAll(() => counted.close());
  const on = (path: string, init: RequestInit = {}) => fetch(`${counted.url}${path}`, { ...init, headers: { ...bearer, ...init.headers } });
  const statusOf = async (path: string) => ((await (await on(path)).json()) as { status: string; percentComplete?: number });

  test('an abort: its status and result URLs count together; done on the 3rd read, and time does nothing', async () => {
    const started = now;
    const accepted = await on(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/c1/abort?api-version=2024-02-01`, { method: 'POST' });
    const statusUrl = viaBackend(accepted.headers.get('azure-asyncoperation')!);
    const resultUrl = viaBackend(accepted.headers.get('location')!);
    now += 3_600_000; // an hour: on time it would long be over
    expect(await statusOf(statusUrl)).toMatchObject({ status: 'InProgress', percentComplete: 33 });
    expect((await on(resultUrl)).status).toBe(202);
    now += 7_000;
    const done = await on(statusUrl);
    const seconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await done.json()).toMatchObject({
      status: 'Succeeded', percentComplete: 100,
      startTime: seconds(started),
      endTime: seconds(started + 3_607_000), // when the 3rd poll came
    });
    expect((await on(resultUrl)).status).toBe(204); // and stays done
    expect((await on(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/c1/abort?api-version=2024-02-01`, { method: 'POST' })).status).toBe(409);
  });

  test('a repeated abort is not a poll: it neither counts nor ends the operation', async () => {
    const abortC2 = () => on(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/c2/abort?api-version=2024-02-01`, { method: 'POST' });
    const statusUrl = viaBackend((await abortC2()).headers.get('azure-asyncoperation')!);
    for (let i = 0; i < 3; i++) expect((await abortC2()).status).toBe(202);
    expect((await statusOf(statusUrl)).status).toBe('InProgress');
  });

  test('a command result: the first read starts it, then 202 until the 3rd poll', async () => {
    const result = () => on(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/commandResults/k1?api-version=2024-09-01`);
    expect([(await result()).status, (await result()).status, (await result()).status]).toEqual([202, 202, 202]);
    const done = await result();
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ properties: { provisioningState: 'succeeded' } });
  });

  test('an offer cancel: running twice, completed on the 3rd poll', async () => {
    const location = (await on('/api/publishers/p/offers/k2/cancel?api-version=2017-10-31', { method: 'POST' })).headers.get('location')!;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await statusOf(location)).status);
    expect(statuses).toEqual(['running', 'running', 'completed', 'completed']);
  });
});

describe('faults', () => {
  test('invalidResponseBodies replaces every JSON body, and leaves bodiless answers alone', async () => {
    const faulty = await backendWith({ faults: { invalidResponseBodies: true } });
    try {
      const command = await fetch(`${faulty.url}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/missing-x/commandResults/c?api-version=2024-09-01`, { headers: bearer });
      expect(await command.json()).toEqual({ id: 42, status: 42, code: 42, error: 'not an object', properties: 'not an object' });
      const idle = await fetch(`${faulty.url}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/idle-x/abort?api-version=2024-02-01`, { method: 'POST', headers: bearer });
      expect(idle.status).toBe(204);
    } finally {
      await faulty.close();
    }
  });
});

test('an unknown route: 404 (Prism answers these itself; only a direct call gets here)', async () => {
  expect((await call('/nowhere')).status).toBe(404);
});
