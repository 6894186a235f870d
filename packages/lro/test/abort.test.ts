// Aborting stops local waiting at once, sends nothing more, never cancels the operation, and leaves
// nothing behind: a child process exits by itself right after the abort.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation } from '../src/index.js';
import { bundleFixture, runChild } from './child-process.js';
import { ABORT_PATH, accepted, aksClient, cluster, rejection, status, STATUS_PATH, until, virtualTime } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

// In-process, waits are on a ManualClock that stands still: an abort that did not stop the wait
// would hang (and time out) instead of passing, with no real waiting either way.
describe('abortSignal', () => {
  test('aborting mid-wait rejects at once with the signal reason, removes the wait, and nothing more is sent', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { abortSignal: controller.signal, clock, maxIntervalInMs: Infinity });
    await poller.submitted();
    const waiting = rejection(poller);
    await until(() => clock.pendingCount === 1);
    expect(clock.sleeps).toEqual([3_600_000]);
    const reason = new Error('user pressed Ctrl+C');
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    expect(clock.pendingCount).toBe(0);
    await clock.advance(3_600_000); // the hour passes: still nothing is sent
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  test('without a reason, the rejection is an AbortError', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600' }));
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { abortSignal: controller.signal, clock });
    await poller.submitted();
    const waiting = rejection(poller);
    await until(() => clock.pendingCount === 1);
    controller.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
  });

  test('aborting while a poll is in flight rejects at once', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { ...status('Succeeded'), delayInMs: 30_000 });
    const controller = new AbortController();
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { abortSignal: controller.signal, intervalInMs: 0, clock });
    const waiting = rejection(poller);
    await until(() => server.requests.length === 2); // the poll is at the server, which holds its answer for 30 s
    const abortedAt = performance.now();
    controller.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    // Real time, generous bound: a poll that ignored the abort would hold on for the server's 30 s.
    expect(performance.now() - abortedAt).toBeLessThan(5_000);
  });

  test('a per-call signal stops that wait only; the poller can wait again', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '200' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { clock, minIntervalInMs: 0 });
    await poller.submitted();
    const reason = new Error('stop this wait');
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(poller.pollUntilDone({ abortSignal: new AbortController().signal })).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method}@${r.arrivedAt}`)).toEqual(['POST@0', 'GET@200']);
  });

  test('once done, a signal aborted since changes nothing: the result and the state are still handed out (as core-lro 3)', async () => {
    const controller = new AbortController();
    server.route('POST', ABORT_PATH, { status: 204 });
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: controller.signal });
    await poller;
    controller.abort(new Error('the caller moved on'));
    await expect(poller).resolves.toBeUndefined();
    await expect(poller.poll()).resolves.toMatchObject({ status: 'succeeded' });
    await expect(poller.pollUntilDone({ abortSignal: AbortSignal.abort() })).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
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
  ])('aborting while %s: the process exits by itself, long before any timer or socket would let it', async (_, mode, headers, expected) => {
    server.route('POST', ABORT_PATH, accepted(server, headers));
    server.route('GET', STATUS_PATH, { ...status('Succeeded'), delayInMs: 30_000 });
    const { script, remove } = await bundleFixture('abort-and-exit');
    try {
      const run = await runChild(script, [server.url, mode]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.lines.map((l) => l.text)).toEqual(['submitted', 'aborting', 'rejected AbortError']);
      // Real processes, real time: what keeps a process alive is a real timer or socket. A leftover
      // would hold it for the 1 h Retry-After or the server's 30 s answer; the 5 s bound is generous
      // on purpose (a loaded machine takes hundreds of ms to exit a Node process) and still tells them apart.
      const aborting = run.lines[1]!.at;
      expect(run.exitedAt - aborting).toBeLessThan(5_000);
      expect(server.requests.map((r) => r.method)).toEqual(expected);
    } finally {
      remove();
    }
  }, 20_000);
});

describe('submitted() and serialize() take a signal too', () => {
  test('it stops only that wait', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    server.route('POST', ABORT_PATH, async () => (await held, accepted(server))); // the 202 comes when the test says
    const poller = abortLatestOperation(aksClient(server), cluster);
    const reason = new Error('no time to wait');
    await expect(poller.submitted({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(poller.serialize({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    answer();
    await expect(poller.serialize()).resolves.toMatch(/^[\w-]+$/);
  });
});
