// serialize() / restorePoller() / parseResumeToken(): versioned, URL-safe, no secret, refused when
// it points elsewhere, and continued in another process with fresh credentials.
import { createBatchClient } from '@azlro/batch';
import { createContainerServiceClient } from '@azlro/containerservice';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, cancelOfferOperation, isPollingOriginError, parseResumeToken, restorePoller, waitForCommandResult } from '../src/index.js';
import { bundleFixture, runChild } from './child-process.js';
import type { Clock } from '@azlro/http';
import { ManualClock } from '@azlro/http/testing';
import {
  ABORT_PATH, accepted, aksClient, CANCEL_PATH, cluster, command, COMMAND_PATH, fast, offer, OFFER_OPERATION_PATH, partnerClient, recordingLogger, SECRET, status,
  STATUS_PATH, tokenText,
} from './helpers.js';

let server: TestServer;
let foreign: TestServer;
beforeAll(async () => ([server, foreign] = await Promise.all([startTestServer(), startTestServer()])));
afterAll(() => Promise.all([server.close(), foreign.close()]));
beforeEach(() => (server.reset(), foreign.reset()));

/** Serialized right after a 202 that asked for 30 s, at `clock`'s time (a ManualClock's start by default). */
async function runningAbortToken(clock: Clock = new ManualClock()): Promise<string> {
  server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '30' }));
  server.route('GET', STATUS_PATH, status('InProgress', { percentComplete: 40 }));
  const poller = abortLatestOperation(aksClient(server), cluster, { clock });
  return poller.serialize();
}

/** A token as another (or a tampered) process might have written it. */
const forge = (token: string, change: (json: Record<string, unknown>) => void): string => {
  const json = JSON.parse(tokenText(token)) as Record<string, unknown>;
  change(json);
  return Buffer.from(JSON.stringify(json)).toString('base64url');
};

describe('serialize()', () => {
  test('is URL-safe base64url JSON with version, kind, endpoint, polling URL and last state', async () => {
    const token = await runningAbortToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const parsed = parseResumeToken(token);
    expect(parsed).toMatchObject({
      version: 1,
      kind: 'containerservice.abortLatestOperation',
      service: 'containerservice',
      endpoint: server.url,
      polling: { url: `${server.url}${STATUS_PATH}?api-version=2024-02-01`, via: 'asyncOperation' },
      state: { status: 'running', pollCount: 0, requestIds: {} },
    });
    // The 202 asked for 30 s: not before 30 s after it arrived, on the clock's epoch time.
    expect(parsed.notBefore).toBe(new ManualClock().epochNow() + 30_000);
  });

  test('holds no credential, even after polls with it', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('InProgress'));
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.poll();
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    const token = await poller.serialize();
    expect(tokenText(token)).not.toContain(SECRET);
    expect(tokenText(token)).not.toContain('azlro-test-secret');
    expect(tokenText(token)).not.toMatch(/bearer|authorization/i);
  });

  test('of a finished operation: restoring it is done at once and sends nothing', async () => {
    server.route('GET', COMMAND_PATH, { json: { id: 'c1', properties: { provisioningState: 'Succeeded', exitCode: 0 } } });
    const poller = waitForCommandResult(aksClient(server), command);
    const token = await poller.serialize();
    const restored = restorePoller(aksClient(server), token);
    expect(restored.isDone).toBe(true);
    await expect(restored).resolves.toEqual({ id: 'c1', properties: { provisioningState: 'Succeeded', exitCode: 0 } });
    expect(server.requests).toHaveLength(1);
  });
});

describe('restorePoller()', () => {
  test('continues in the same process and sends nothing until polled', async () => {
    const token = await runningAbortToken();
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const clock = new ManualClock({ autoAdvance: true });
    const restored = restorePoller(aksClient(server), forge(token, (t) => delete t.notBefore), { intervalInMs: 5, clock });
    expect(restored.operationState).toMatchObject({ kind: 'containerservice.abortLatestOperation', status: 'running' });
    expect(server.requests).toHaveLength(1);
    await restored;
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(clock.sleeps).toEqual([0]); // no notBefore: it polls at once
  });

  test("waits what is left of the token's notBefore, and no more", async () => {
    const token = await runningAbortToken(); // serialized at the clock's start, asking for 30 s
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const later = new ManualClock({ autoAdvance: true, epochAtStart: new ManualClock().epochNow() + 10_000 }); // 10 s later, elsewhere
    await restorePoller(aksClient(server), token, { clock: later });
    expect(later.sleeps).toEqual([20_000]);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  test("a notBefore beyond maxIntervalInMs is cut to it and logged; one long past polls at once", async () => {
    const token = await runningAbortToken(); // at the clock's start
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const start = new ManualClock().epochNow();
    const logger = recordingLogger();
    const farClock = new ManualClock({ autoAdvance: true });
    await restorePoller(aksClient(server), forge(token, (t) => (t.notBefore = start + 86_400_000)), { clock: farClock, logger });
    expect(farClock.sleeps).toEqual([600_000]);
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([
      "warning the resume token's notBefore is 86400000 ms away; waiting maxIntervalInMs (600000 ms) instead",
    ]);
    const pastClock = new ManualClock({ autoAdvance: true });
    await restorePoller(aksClient(server), forge(token, (t) => (t.notBefore = start - 86_400_000)), { clock: pastClock, logger });
    expect(pastClock.sleeps).toEqual([0]);
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toHaveLength(1);
  });

  test('continues in a child process with fresh credentials', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded', { endTime: '2024-05-01T10:00:09Z' })]);
    const token = await abortLatestOperation(aksClient(server), cluster).serialize();
    const { script, remove } = await bundleFixture('resume');
    try {
      const run = await runChild(script, [token], { FRESH_TOKEN: 'fresh-child-token-42' });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.lines[0]!.text) as { kind: string; state: Record<string, unknown> };
      expect(printed.kind).toBe('containerservice.abortLatestOperation');
      expect(printed.state).toMatchObject({ status: 'succeeded', pollCount: 2, endTime: '2024-05-01T10:00:09Z' });
      expect(server.requests.slice(1).map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
        ['GET', STATUS_PATH, 'Bearer fresh-child-token-42'],
        ['GET', STATUS_PATH, 'Bearer fresh-child-token-42'],
      ]);
    } finally {
      remove();
    }
  }, 20_000);

  test('refuses a token whose polling URL is on another origin, before sending anything', async () => {
    const token = forge(await runningAbortToken(), (t) => {
      (t.polling as { url: string }).url = `${foreign.url}${STATUS_PATH}?api-version=2024-02-01`;
    });
    let error: unknown;
    try {
      restorePoller(aksClient(server), token);
    } catch (e) {
      error = e;
    }
    expect(isPollingOriginError(error)).toBe(true);
    expect(String(error)).toContain(`Refusing to poll ${foreign.origin} (from the resume token)`);
    expect(foreign.requests).toHaveLength(0);
  });

  test('refuses a token made for another endpoint', async () => {
    const token = await runningAbortToken();
    const elsewhere = createContainerServiceClient({ endpoint: foreign.url });
    expect(() => restorePoller(elsewhere, token)).toThrow(new RangeError(`resumeToken was made for ${server.origin}; the client's endpoint is ${foreign.origin}`));
  });

  test("refuses a token whose kind does not match client.service", async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31` } });
    const partnerToken = await cancelOfferOperation(partnerClient(server), offer).serialize();
    expect(() => restorePoller(aksClient(server), partnerToken)).toThrow(TypeError);
    expect(() => restorePoller(aksClient(server), partnerToken)).toThrow('client must be a cloudpartner client (from createCloudPartnerClient()); got a containerservice client');
    const batch = createBatchClient({ endpoint: server.url });
    const abortToken = await runningAbortToken();
    expect(() => restorePoller(batch as never, abortToken)).toThrow('got a batch client');
  });

  test('checks its options like the operations do', async () => {
    const token = await runningAbortToken();
    expect(() => restorePoller(aksClient(server), token, { intervalInMs: -1 })).toThrow(RangeError);
  });
});

describe('parseResumeToken()', () => {
  test.each([
    [42, TypeError, 'resumeToken must be a string'],
    ['', RangeError, 'resumeToken is not a resume token'],
    ['not a token!', RangeError, 'resumeToken is not a resume token'],
    [Buffer.from('{"version":1').toString('base64url'), RangeError, 'resumeToken is not a resume token'],
    [Buffer.from('[1,2]').toString('base64url'), RangeError, 'not a JSON object'],
    [Buffer.from('{"version":2}').toString('base64url'), RangeError, 'has version 2; this package reads version 1'],
  ])('%j: %s', (token, type, message) => {
    expect(() => parseResumeToken(token as string)).toThrow(type);
    expect(() => parseResumeToken(token as string)).toThrow(message);
  });

  test.each([
    ['an unknown kind', (t: Record<string, unknown>) => (t.kind = 'storage.copyBlob'), 'has an unknown kind "storage.copyBlob"'],
    ['a relative endpoint', (t: Record<string, unknown>) => (t.endpoint = '/api'), 'has no valid endpoint'],
    ['a javascript: polling URL', (t: Record<string, unknown>) => (t.polling = { url: 'javascript:alert(1)', via: 'location' }), 'has no valid polling.url'],
    ['an unknown via', (t: Record<string, unknown>) => (t.polling = { url: 'https://x.example/', via: 'header' }), 'has an invalid polling.via'],
    ['running without a polling URL', (t: Record<string, unknown>) => delete t.polling, 'says running but has no polling URL'],
    ['an unknown status', (t: Record<string, unknown>) => ((t.state as Record<string, unknown>).status = 'paused'), 'has an invalid state.status: "paused"'],
    ['a negative pollCount', (t: Record<string, unknown>) => ((t.state as Record<string, unknown>).pollCount = -1), 'has an invalid state.pollCount'],
  ])('refuses %s', async (_, change, message) => {
    const token = forge(await runningAbortToken(), change);
    expect(() => parseResumeToken(token)).toThrow(RangeError);
    expect(() => parseResumeToken(token)).toThrow(`resumeToken ${message}`);
  });
});
