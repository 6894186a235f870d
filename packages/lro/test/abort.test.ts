// Aborting stops local waiting at once, sends nothing more, never cancels the operation, and leaves
// nothing behind: a child process exits by itself right after the abort.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation } from '../src/index.js';
import { bundleFixture, runChild } from './child-process.js';
import { ABORT_PATH, accepted, aksClient, cluster, rejection, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** How soon after the abort the wait must reject. */
const PROMPT_IN_MS = 100;

describe('abortSignal', () => {
  test('aborting mid-wait rejects at once with the signal reason, and nothing more is sent', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: controller.signal });
    await poller.submitted();
    const waiting = rejection(poller);
    const reason = new Error('user pressed Ctrl+C');
    const abortedAt = performance.now();
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(PROMPT_IN_MS);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  test('without a reason, the rejection is an AbortError', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600' }));
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: controller.signal });
    await poller.submitted();
    setTimeout(() => controller.abort(), 10);
    expect(await rejection(poller)).toMatchObject({ name: 'AbortError' });
  });

  test('aborting while a poll is in flight rejects at once', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { ...status('Succeeded'), delayInMs: 5_000 });
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: controller.signal, intervalInMs: 0 });
    const waiting = rejection(poller);
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    const abortedAt = performance.now();
    controller.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(PROMPT_IN_MS);
  });

  test('a per-call signal stops that wait only; the poller can wait again', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '200' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const poller = abortLatestOperation(aksClient(server), cluster);
    await poller.submitted();
    const reason = new Error('stop this wait');
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.timeout(5_000) })).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  test('an already aborted signal: the initial request is not sent, and the poller rejects', async () => {
    const reason = new Error('already stopped');
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: AbortSignal.abort(reason) });
    expect(await rejection(poller)).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe('nothing is left behind (child process)', () => {
  test.each([
    ['waiting for Retry-After', 'waiting', { 'retry-after': '3600' }, ['POST']],
    ['a poll in flight', 'in-flight', { 'retry-after': '0' }, ['POST', 'GET']],
  ])('aborting while %s: the process exits by itself within 1 s', async (_, mode, headers, expected) => {
    server.route('POST', ABORT_PATH, accepted(server, headers));
    server.route('GET', STATUS_PATH, { ...status('Succeeded'), delayInMs: 30_000 });
    const { script, remove } = await bundleFixture('abort-and-exit');
    try {
      const run = await runChild(script, [server.url, mode]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.lines.map((l) => l.text)).toEqual(['submitted', 'aborting', 'rejected AbortError']);
      const aborting = run.lines[1]!.at;
      expect(run.exitedAt - aborting).toBeLessThan(1_000);
      expect(server.requests.map((r) => r.method)).toEqual(expected);
    } finally {
      remove();
    }
  }, 20_000);
});

describe('submitted() and serialize() take a signal too', () => {
  test('it stops only that wait', async () => {
    server.route('POST', ABORT_PATH, { ...accepted(server), delayInMs: 300 });
    const poller = abortLatestOperation(aksClient(server), cluster);
    const reason = new Error('no time to wait');
    await expect(poller.submitted({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(poller.serialize({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(poller.serialize()).resolves.toMatch(/^[\w-]+$/);
  });
});
