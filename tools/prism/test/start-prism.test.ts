import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startPrism, TEST_PRISM_START_TIMEOUT_IN_MS, type RunningPrism } from '@azlro/prism';

const spec = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const id = '00000000-0000-0000-0000-000000000000';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startPrism', () => {
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

  test('close() stops the process and frees the port', async () => {
    prism = await startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    const port = new URL(prism.url).port;
    const { pid } = prism;
    expect(isAlive(pid)).toBe(true);
    await prism.close();
    expect(isAlive(pid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/things/${id}`)).rejects.toThrow();
  });

  test('two instances run side by side on different ports', async () => {
    const [a, b] = await Promise.all([startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS }), startPrism({ spec, mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS })]);
    try {
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('proxy mode requires an upstream', async () => {
    await expect(startPrism({ spec, mode: 'proxy' })).rejects.toThrow(/upstream/);
  });
});
