import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startPrism, TEST_PRISM_START_TIMEOUT_IN_MS, type RunningPrism } from '@azlro/prism';

const spec = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const id = '00000000-0000-0000-0000-000000000000';

// Each test starts Prism (two at once in one test): on a busy CI machine that alone has taken over
// 15 s, so the tests get the start-up allowance of TEST_PRISM_START_TIMEOUT_IN_MS and more.
describe('startPrism', { timeout: 150_000 }, () => {
  let prism: RunningPrism | undefined;
  afterEach(async () => {
    await prism?.close();
    prism = undefined;
  });

  test('serves the spec on a free loopback port and answers from its example', async () => {
    prism = await startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${prism.url}/things/${id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'from-example' });
  });

  test('validates requests against the spec (422 for a non-uuid)', async () => {
    prism = await startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    const response = await fetch(`${prism.url}/things/not-a-uuid`);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { validation: { location: string[]; code: string }[] };
    expect(problem.validation).toContainEqual(expect.objectContaining({ location: ['path', 'id'], code: 'format' }));
  });

  test('close() frees the port (Prism runs in this process); a second close() is a no-op', async () => {
    prism = await startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    const port = new URL(prism.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/things/${id}`)).status).toBe(200);
    await prism.close();
    await prism.close();
    await expect(fetch(`http://127.0.0.1:${port}/things/${id}`)).rejects.toThrow();
  });

  test('startTimeoutInMs: a start that takes longer rejects, naming the limit', async () => {
    await expect(startPrism({ spec, mode: 'mock', startTimeoutInMs: 0 })).rejects.toThrow('Prism did not start within 0 ms');
  });

  test('abortSignal: an abort mid start-up rejects with its reason and leaves nothing listening', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;
    const nextTurn = () => new Promise((r) => setTimeout(r, 0)); // a closed server's handle goes in the loop turn after it closes
    await nextTurn(); // the previous test's server (closed on rejection) is gone by then
    const before = servers();
    const controller = new AbortController();
    const starting = startPrism({ spec, mode: 'mock', abortSignal: controller.signal, startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    controller.abort(new Error('changed my mind'));
    await expect(starting).rejects.toThrow('changed my mind');
    await nextTurn();
    expect(servers()).toBe(before);
  });

  test('a spec that cannot be read rejects (nothing listens)', async () => {
    await expect(startPrism({ spec: fileURLToPath(new URL('./fixtures/missing.yaml', import.meta.url)), mode: 'mock' })).rejects.toThrow();
  });

  test('two instances run side by side on different ports', async () => {
    const [a, b] = await Promise.all([startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS }), startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS })]);
    try {
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('startTimeoutInMs must be a finite number of ms ≥ 0, checked before anything starts', async () => {
    for (const startTimeoutInMs of [-1, Number.NaN, Infinity]) {
      await expect(startPrism({ spec, mode: 'mock', startTimeoutInMs })).rejects.toThrow(/startTimeoutInMs must be a non-negative finite number/);
    }
  });

  test('proxy mode requires an upstream', async () => {
    await expect(startPrism({ spec, mode: 'proxy' })).rejects.toThrow(/upstream/);
  });
});
