// A poll hands its throttling back to the poller: the retry policy neither waits nor gives up on a
// 429/503 that carries a server delay when the request is marked, and the mark never leaves the process.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPipeline, isApiError } from '@azlro/http';
import { THROTTLING_TO_CALLER_HEADER } from '@azlro/http/internal';
import { ManualClock } from '@azlro/http/testing';
import { userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const marked = { headers: { [THROTTLING_TO_CALLER_HEADER]: '1' } };

function pipeline(clock: ManualClock) {
  return createPipeline({ endpoint: server.url, userAgent, retryOptions: { retryDelayInMs: 10 }, clock });
}

describe('THROTTLING_TO_CALLER_HEADER', () => {
  test.each([
    [429, { 'retry-after': '372' }],
    [429, { 'retry-after': '2' }],
    [503, { 'retry-after-ms': '40' }],
  ])('a marked GET gets its %i (%o) back at once, unretried', async (status, headers) => {
    server.route('GET', '/poll', [{ status, headers, json: { error: { code: 'SubscriptionRequestsThrottled' } } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    const error = await pipeline(clock)(`${server.url}/poll`, marked).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.code]).toEqual([status, 'SubscriptionRequestsThrottled']);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('the mark is removed before sending', async () => {
    server.route('GET', '/poll', { json: {} });
    await pipeline(new ManualClock())(`${server.url}/poll`, marked);
    expect(Object.keys(server.requests[0]!.headers)).not.toContain(THROTTLING_TO_CALLER_HEADER);
  });

  test('a marked 429 without any delay is still the retry policy\'s (exponential backoff)', async () => {
    server.route('GET', '/poll', [{ status: 429 }, { json: { ok: true } }]);
    const clock = new ManualClock({ autoAdvance: true });
    const response = await pipeline(clock)(`${server.url}/poll`, marked);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  test('an unmarked 429 with a short delay is retried after exactly that delay', async () => {
    server.route('GET', '/poll', [{ status: 429, headers: { 'retry-after': '2' } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    await pipeline(clock)(`${server.url}/poll`);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });
});
