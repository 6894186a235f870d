// 1,000 pollers in one process, one client, one subscription: ARM throttles the subscription as a
// whole, so one 429 (Retry-After: 5) to one poll pauses every poll of that subscription for 5 s.
// Time is a ManualClock moved one instant at a time (see runOnClock), so the loopback server stamps
// each arrival with virtual time and the polls inside the window are counted exactly.
import { createContainerServiceClient } from '@azlro/containerservice';
import { ManualClock } from '@azlro/http/testing';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, type OperationState } from '../src/index.js';
import { runOnClock } from './clock-driver.js';
import { credential } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const FLEET = 1000;
/** Real time a fleet run may take on a busy 2-core machine (virtual time does not depend on it). */
const FLEET_TIMEOUT_IN_MS = 120_000;
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const OTHER_SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
/** The first poll at or after this moment (virtual ms) is answered 429 Retry-After: 5. */
const THROTTLE_FROM = 1000;
const RETRY_AFTER_IN_MS = 5000;
/** Every operation answers Succeeded from this moment on: right when the pause ends. */
const DONE_AT = 6000;

interface Poll {
  at: number;
  subscription: string;
  status: number;
}

/**
 * Scripts the server: each abort gets its own status URL and a first Retry-After of 1.0-1.9 s (ten
 * groups of 100), so polls arrive in ten waves every 2 s (the default interval).
 */
function scriptFleet(clock: ManualClock) {
  const polls: Poll[] = [];
  let throttledAt: number | undefined;
  server.route('POST', '*', (request) => {
    const [, subscription, , , , , , name] = request.path.split('/').slice(1);
    const index = Number(name!.slice(1));
    return {
      status: 202,
      headers: {
        'azure-asyncoperation': `${server.url}/subscriptions/${subscription}/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op${index}?api-version=2024-02-01`,
        'retry-after-ms': String(1000 + (index % 10) * 100),
      },
    };
  });
  server.route('GET', '*', (request) => {
    const at = clock.now();
    const subscription = request.path.split('/')[2]!;
    if (throttledAt === undefined && at >= THROTTLE_FROM && subscription === SUBSCRIPTION) {
      throttledAt = at;
      polls.push({ at, subscription, status: 429 });
      return {
        status: 429,
        headers: { 'retry-after': String(RETRY_AFTER_IN_MS / 1000) },
        json: { error: { code: 'SubscriptionRequestsThrottled', message: 'Number of read requests for subscription exceeded the limit.' } },
      };
    }
    polls.push({ at, subscription, status: 200 });
    return { json: { name: 'op', status: at >= DONE_AT ? 'Succeeded' : 'InProgress' } };
  });
  return { polls, throttledAt: () => throttledAt };
}

async function runFleet(options: { size?: number; shareThrottling?: boolean; otherSubscription?: number } = {}) {
  const clock = new ManualClock();
  const { polls, throttledAt } = scriptFleet(clock);
  const client = createContainerServiceClient({ endpoint: server.url, credential, clock });
  const shared: OperationState<void>[] = [];
  const pollers = Array.from({ length: options.size ?? FLEET }, (_, i) => {
    const subscriptionId = i < (options.otherSubscription ?? 0) ? OTHER_SUBSCRIPTION : SUBSCRIPTION;
    const poller = abortLatestOperation(client, { subscriptionId, resourceGroupName: 'rg', resourceName: `c${i}` }, { clock, shareThrottling: options.shareThrottling });
    poller.onProgress((state) => void (state.throttling?.shared && shared.push(state)));
    return poller;
  });
  const outcomes = await runOnClock(clock, pollers);
  const t = throttledAt()!;
  const inWindow = (p: Poll) => p.at > t && p.at < t + RETRY_AFTER_IN_MS;
  return { outcomes, polls, t, shared, inWindow, posts: server.requests.filter((r) => r.method === 'POST').length };
}

describe('a fleet shares its subscription\'s throttling', () => {
  test('1,000 pollers, one 429 Retry-After: 5: no poll of that subscription inside the 5 s, and all finish', async () => {
    const { outcomes, polls, t, shared, inWindow, posts } = await runFleet();
    expect(t).toBe(1000); // the first wave
    expect(polls.filter(inWindow)).toHaveLength(0);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    expect(posts).toBe(FLEET);
    // Every other poller was told, once, that it waits on a shared throttle (progress shows it)...
    expect(shared).toHaveLength(FLEET - 1);
    expect(shared.every((s) => s.throttling?.status === 429 && s.throttling.code === 'SubscriptionRequestsThrottled')).toBe(true);
    // ...and they resume after the pause, spread over at most a tenth of it.
    const after = polls.filter((p) => p.at >= t + RETRY_AFTER_IN_MS);
    expect(Math.min(...after.map((p) => p.at))).toBe(t + RETRY_AFTER_IN_MS);
    const resumeWave = after.filter((p) => p.at < t + RETRY_AFTER_IN_MS + 1000);
    expect(resumeWave).toHaveLength(FLEET);
    expect(Math.max(...resumeWave.map((p) => p.at))).toBeLessThanOrEqual(t + RETRY_AFTER_IN_MS * 1.1);
    console.info(`fleet of ${FLEET}, shared throttling: ${polls.length + posts} requests, ${polls.filter(inWindow).length} polls inside the 5 s`);
  }, FLEET_TIMEOUT_IN_MS);

  test('without sharing (shareThrottling: false) the same fleet keeps polling through the 5 s', async () => {
    const { outcomes, polls, inWindow, posts } = await runFleet({ shareThrottling: false });
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    // Waves at 1100-1900 (nine groups), 3000-3900 and 5000-5900 (everyone but the throttled poller).
    expect(polls.filter(inWindow).length).toBe((9 * FLEET) / 10 + 2 * (FLEET - 1));
    console.info(`fleet of ${FLEET}, per-poller throttling: ${polls.length + posts} requests, ${polls.filter(inWindow).length} polls inside the 5 s`);
  }, FLEET_TIMEOUT_IN_MS);

  test('the pause is the subscription\'s: pollers of another subscription on the same client poll on', async () => {
    const { polls, inWindow, outcomes } = await runFleet({ size: 200, otherSubscription: 100 });
    expect(polls.filter((p) => inWindow(p) && p.subscription === SUBSCRIPTION)).toHaveLength(0);
    // Subscription 1111…: clusters 0-99, ten per wave, each polling at 1100-1900, 3000-3900 and 5000-5900 (but the 1000 wave).
    expect(polls.filter((p) => inWindow(p) && p.subscription === OTHER_SUBSCRIPTION)).toHaveLength(90 + 100 + 100);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
  }, FLEET_TIMEOUT_IN_MS);
});
