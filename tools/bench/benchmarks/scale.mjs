// 5. Scale: 1,000 and 10,000 concurrent abort-and-wait operations in one worker process per client,
// against the same https loopback server (which stays in the parent, so its memory is not counted),
// keep-alive, at most MAX_SOCKETS sockets. Each abort: 202 + Retry-After: r, then `Succeeded` once
// r has passed (`InProgress` + Retry-After: r to a poll before that); r = 8 s at 1,000, 20 s at
// 10,000, so that every operation is asleep in its wait before the first one wakes. Then the worker
// is told to take a full GC and read its live heap: over idle, divided by the count, that is what one
// waiting operation holds (plus fixed costs, which the 10,000 − 1,000 difference cancels).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { childEnv, startIpcWorker } from '../lib/child.mjs';
import { formatNumber, formatRatio, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';
import { throttledFleet } from './scale-throttled.mjs';

const workerFile = fileURLToPath(new URL('../workers/scale.mjs', import.meta.url));
/** Long enough for every abort (and the official client's immediate poll) to be answered before the first Retry-After ends. */
const retryAfterFor = (count, smoke) => (smoke ? 1 : count >= 10_000 ? 20 : 8);
const QUIET_IN_MS = 200;
const MAX_SOCKETS = 64;
const MB = 1024 * 1024;
const clients = [
  ['azlro', 'azlro, defaults + maxConnectionsPerOrigin: 64'],
  ['official', 'official classic client, https.Agent({ keepAlive: true, maxSockets: 64 })'],
];

export async function scale(ctx) {
  const counts = ctx.smoke ? [200] : [1000, 10_000];
  const server = await ctx.server();
  const rows = [];
  const numbers = [];
  const targets = [];
  const byCount = {};
  for (const count of counts) {
    const results = (byCount[count] = {});
    const retryAfter = retryAfterFor(count, ctx.smoke);
    for (const [kind, label] of clients) {
      server.closeIdle();
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the previous worker's sockets close
      server.reset();
      server.setDefaultScript({ inProgress: 0, retryAfterInSeconds: retryAfter });
      const worker = startIpcWorker(['--expose-gc', workerFile, kind, server.httpsUrl, String(MAX_SOCKETS)], {
        env: childEnv({ NODE_EXTRA_CA_CERTS: ctx.tls.caFile }),
        timeoutInMs: 600_000,
      });
      let result;
      let measured;
      try {
        await worker.ready;
        let over = false;
        const started = performance.now();
        const running = worker.request({ type: 'run', count }).finally(() => (over = true));
        // Measure once every abort has been answered and no request has come for QUIET_IN_MS: every
        // operation is then asleep in its Retry-After. Give up waiting for that before the first
        // Retry-After ends (the table then says the measure was not quiet).
        const deadline = started + retryAfter * 1000 * 0.9;
        const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        while (!over && server.counts.byKind.abort < count && performance.now() < deadline) await sleep(5);
        let seen = server.counts.requests;
        let quietSince = performance.now();
        while (!over && performance.now() - quietSince < QUIET_IN_MS && performance.now() < deadline) {
          await sleep(10);
          if (server.counts.requests !== seen) [seen, quietSince] = [server.counts.requests, performance.now()];
        }
        const quiet = !over && performance.now() - quietSince >= QUIET_IN_MS;
        measured = over ? { liveHeap: Number.NaN, pending: 0 } : { ...(await worker.request({ type: 'measure', count })), quiet };
        result = await running;
      } finally {
        await worker.close();
      }
      result.peak.liveHeap = measured.liveHeap;
      result.pendingAtMeasure = measured.pending;
      result.quietAtMeasure = measured.quiet;
      const { abort, status, location } = server.counts.byKind;
      if (result.succeeded !== count || abort !== count) {
        throw new Error(`scale ${kind} × ${count}: ${result.succeeded} succeeded, ${result.failed} failed (${result.firstError}); the server saw ${abort} aborts`);
      }
      results[kind] = result;
      const heapPerOp = (result.peak.heapUsed - result.baseline.heapUsed) / count;
      const livePerOp = (result.peak.liveHeap - result.baseline.heapUsed) / result.pendingAtMeasure;
      numbers.push(result.wallInMs, result.maxRssInBytes, heapPerOp, livePerOp);
      rows.push([
        count.toLocaleString('en-US'), label, `${result.succeeded}/${count}`,
        `${abort} + ${status} + ${location}`, `${server.counts.maxOpen} (${server.counts.connections})`,
        formatNumber(result.wallInMs, 0), formatNumber(result.maxRssInBytes / MB, 0),
        formatNumber((result.maxRssInBytes - result.baseline.rss) / MB, 0), formatNumber(heapPerOp / 1024, 1), `${formatNumber(livePerOp / 1024, 1)} (${result.pendingAtMeasure} pending${result.quietAtMeasure ? ', all asleep' : ', NOT all asleep'})`,
      ]);
    }
    const rss = (r) => r.maxRssInBytes;
    const rssAbove = (r) => r.maxRssInBytes - r.baseline.rss;
    const heap = (r) => r.peak.heapUsed - r.baseline.heapUsed;
    const live = (r) => (r.peak.liveHeap - r.baseline.heapUsed) / r.pendingAtMeasure;
    const [a, o] = [results.azlro, results.official];
    rows.push([
      count.toLocaleString('en-US'), 'ratio azlro / official', '', '', '', formatRatio(ratio(a.wallInMs, o.wallInMs)),
      formatRatio(ratio(rss(a), rss(o))), formatRatio(ratio(rssAbove(a), rssAbove(o))), formatRatio(ratio(heap(a), heap(o))), formatRatio(ratio(live(a), live(o))),
    ]);
    if (count === 1000) {
      for (const [what, f] of [['peak RSS', rss], ['peak RSS above idle', rssAbove], ['live heap per operation', live]]) {
        const r = ratio(f(a), f(o));
        targets.push({ benchmark: 'scale', what: `${what} at 1,000 concurrent`, target: '≤ 0.5× official', actual: formatRatio(r), met: r <= 0.5 });
      }
    }
  }
  server.reset();
  const sections = [];
  if (byCount[1000] && byCount[10_000]) {
    // What one more waiting operation costs, fixed costs (JIT code, sockets, TLS, undici) cancelled out.
    const live = (r) => r.peak.liveHeap - r.baseline.heapUsed;
    const marginal = (kind) => (live(byCount[10_000][kind]) - live(byCount[1000][kind])) / (byCount[10_000][kind].pendingAtMeasure - byCount[1000][kind].pendingAtMeasure);
    const [a, o] = [marginal('azlro'), marginal('official')];
    numbers.push(a, o);
    sections.push(markdownTable(
      ['marginal live heap per waiting operation (10,000 run minus 1,000 run)', 'azlro KB', 'official KB', 'ratio'],
      [['one more pending abort-and-wait', formatNumber(a / 1024, 2), formatNumber(o / 1024, 2), formatRatio(ratio(a, o))]],
    ));
    targets.push({ benchmark: 'scale', what: 'marginal live heap per operation', target: '≤ 0.5× official', actual: formatRatio(ratio(a, o)), met: ratio(a, o) <= 0.5 });
  }
  const table = markdownTable(
    ['operations', 'client', 'succeeded', 'requests (abort + status + location)', 'sockets open at most (opened in all)', 'wall ms', 'peak RSS MB', 'peak RSS above idle MB', 'peak heap per operation KB', 'live heap per operation KB'],
    rows,
  );
  const notes = [
    'One worker process per client and size (--expose-gc). Peak RSS: `process.resourceUsage().maxRSS`; "idle": the process after imports, client creation and a full GC. ' +
      `Peak heap: the largest \`heapUsed\` sampled every 10 ms (garbage included), over idle, divided by the count. Live heap: \`heapUsed\` after one forced full GC, taken once the server has answered every abort and then seen no request for ${QUIET_IN_MS} ms (every operation asleep in its Retry-After), over idle, divided by the operations pending then.`,
    `Polling on both sides at their defaults: azlro waits the 202's Retry-After (r = ${counts.map((c) => `${retryAfterFor(c, ctx.smoke)} s at ${c.toLocaleString('en-US')}`).join(', ')}) and polls once; the official client polls as soon as the 202 arrives (InProgress, Retry-After: r), again after r, then GETs the location. Wall time is therefore about r plus the time to push the requests through ${MAX_SOCKETS} sockets, and includes the one forced GC.`,
    `Sockets: the official client gets an \`https.Agent({ keepAlive: true, maxSockets: ${MAX_SOCKETS} })\` through its \`agent\` option; azlro gets \`maxConnectionsPerOrigin: ${MAX_SOCKETS}\` (the connections cap of its shared undici dispatcher); sockets are counted at the server. Idle keep-alive sockets close during the long waits (Node's fetch drops them after 4 s, the server after 5 s), so both sides reconnect afterwards: "opened in all" counts those too.`,
  ].join('\n');
  const throttled = await throttledFleet(ctx, server);
  server.reset();
  return {
    title: '5. Scale',
    sections: [table, ...sections, notes, '### A throttled fleet', ...throttled.sections],
    numbers: [...numbers, ...throttled.numbers],
    targets: [...targets, ...throttled.targets],
  };
}
