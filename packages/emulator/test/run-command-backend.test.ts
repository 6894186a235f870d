// Run command and node-pool aborts on the backend's own clock (no Prism): how long a command runs.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBackend, type Backend } from '../src/backend/server.js';
import { EMULATOR_BATCH_ACCOUNT_KEY } from '../src/info.js';

const sub = '00000000-0000-0000-0000-000000000000';
const arm = 'http://arm.example';
let now = 1_700_000_000_000;
let backend: Backend;
beforeAll(async () => {
  backend = await startBackend({
    timings: { abortInMs: 1_000, commandInMs: 2_000, offerCancelInMs: 500, retryAfterInSeconds: 3 },
    batchAccounts: [{ name: 'azlroemulator', key: EMULATOR_BATCH_ACCOUNT_KEY }],
    certificatesRetired: false,
    faults: { invalidResponseBodies: false },
    logger: { verbose: () => {}, info: () => {}, warning: () => {}, error: () => {} },
    now: () => now,
  });
  backend.setPublicOrigin('arm', arm);
});
afterAll(() => backend.close());

const call = (path: string, init: RequestInit = {}) => fetch(`${backend.url}${path}`, { ...init, headers: { authorization: 'Bearer t', ...init.headers } });
const cluster = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1`;

test('sleep 720 runs twelve minutes of the backend clock; the result says so and echoes the command', async () => {
  const started = await call(`${cluster}/runCommand?api-version=2024-09-01`, { method: 'POST', body: JSON.stringify({ command: 'sleep 720 && kubectl get nodes' }) });
  expect(started.status).toBe(202);
  expect(started.headers.get('retry-after')).toBe('3');
  const result = started.headers.get('location')!.replace(arm, '');
  expect(result).toMatch(/^\/subscriptions\/.+\/resourcegroups\/rg\/.+\/commandResults\/[0-9a-f]{32}\?api-version=2024-09-01$/);
  now += 719_000;
  expect((await call(result)).status).toBe(202);
  now += 1_000;
  const done = await call(result);
  expect(done.status).toBe(200);
  const { properties } = (await done.json()) as { properties: Record<string, unknown> };
  expect(Date.parse(properties.finishedAt as string) - Date.parse(properties.startedAt as string)).toBe(720_000);
  expect(properties.logs).toBe('$ sleep 720 && kubectl get nodes\ncontext: 0 file(s)\nran 720 s on c1 (azlro emulator), exit code 0\n');
});

test('a node pool abort is Canceling for abortInMs on the shared status resource, then a second abort is 409', async () => {
  const pool = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/c1/agentPools/np1/abort?api-version=2024-09-01`;
  const first = await call(pool, { method: 'POST' });
  expect(first.status).toBe(202);
  const status = first.headers.get('azure-asyncoperation')!.replace(arm, '');
  expect(((await (await call(status)).json()) as { status: string }).status).toBe('InProgress');
  now += 1_000;
  expect(((await (await call(status)).json()) as { status: string }).status).toBe('Succeeded');
  expect((await call(pool, { method: 'POST' })).status).toBe(409);
});
