// 5b. A throttled fleet: N concurrent abort-and-waits on one subscription, one client, 64 sockets,
// while ARM throttles the subscription: from the first poll 2.5 s in, every poll for 10 s gets 429
// SubscriptionRequestsThrottled with Retry-After = the seconds left. Operations are staggered
// (Retry-After 1-4 s, done after three of them), so polls keep arriving through the window. Counts
// how many requests each client sends, and how many of them earn a 429: azlro pollers that share a
// client and subscription share the pause (and call off queued polls); the official client's
// pollers each meet it on their own.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { childEnv, startIpcWorker } from '../lib/child.mjs';
import { formatNumber, formatRatio, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

const workerFile = fileURLToPath(new URL('../workers/scale.mjs', import.meta.url));
const MAX_SOCKETS = 64;
const clients = [
  ['azlro', 'azlro, defaults (pollers share throttling per client and subscription)'],
  ['official', 'official classic client, https.Agent({ keepAlive: true, maxSockets: 64 })'],
];

export async function throttledFleet(ctx, server) {
  const count = ctx.smoke ? 200 : 1000;
  const window = ctx.smoke ? { fromInMs: 1500, windowInMs: 3000 } : { fromInMs: 2500, windowInMs: 10_000 };
  const rows = [];
  const numbers = [];
  const results = {};
  for (const [kind, label] of clients) {
    server.closeIdle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.reset();
    for (let i = 0; i < count; i++) server.script(`scale-${kind}-${count}-${i}`, { inProgress: 2, retryAfterInSeconds: 1 + (i % 4) });
    const worker = startIpcWorker(['--expose-gc', workerFile, kind, server.httpsUrl, String(MAX_SOCKETS)], {
      env: childEnv({ NODE_EXTRA_CA_CERTS: ctx.tls.caFile }),
      timeoutInMs: 300_000,
    });
    let result;
    try {
      await worker.ready;
      server.setThrottle(window);
      const started = performance.now();
      result = await worker.request({ type: 'run', count });
      result.wallInMs = performance.now() - started;
    } finally {
      await worker.close();
    }
    const { abort, status, location, throttled } = server.counts.byKind;
    if (result.succeeded !== count) throw new Error(`throttled fleet ${kind}: ${result.succeeded}/${count} succeeded (${result.firstError})`);
    const requests = abort + status + location;
    results[kind] = { requests, throttled };
    numbers.push(requests, throttled, result.wallInMs);
    rows.push([label, `${result.succeeded}/${count}`, `${requests} (${abort} + ${status} + ${location})`, String(throttled), formatNumber(result.wallInMs / 1000, 1)]);
  }
  const [a, o] = [results.azlro, results.official];
  rows.push(['ratio azlro / official', '', formatRatio(ratio(a.requests, o.requests)), formatRatio(ratio(a.throttled, o.throttled)), '']);
  const table = markdownTable(['client', 'succeeded', 'requests (abort + status + location)', 'answered 429', 'wall s'], rows);
  const notes =
    `${count.toLocaleString('en-US')} aborts at once on one subscription; each operation answers Retry-After r = 1-4 s (by index) and is done 3r after its abort. ` +
    `From the first poll ${window.fromInMs / 1000} s in, the server throttles the whole subscription for ${window.windowInMs / 1000} s: every status or location GET then gets 429 with Retry-After = the seconds left. ` +
    '"answered 429": requests sent into the window. azlro\'s first 429 pauses every poller of that client and subscription (they resume spread over a tenth of the delay, at most 10 s) ' +
    'and calls off its polls still queued for a socket or in flight (those already on the wire count). The official client retries each 429 after its Retry-After, poller by poller.';
  return {
    sections: [table, notes],
    numbers,
    targets: [{ benchmark: 'scale', what: `requests answered 429 by a throttled fleet of ${count.toLocaleString('en-US')}`, target: '≤ 0.1× official', actual: formatRatio(ratio(a.throttled, o.throttled)), met: ratio(a.throttled, o.throttled) <= 0.1 }],
  };
}
