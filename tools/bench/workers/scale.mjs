// Scale: many abort-and-wait operations at once in this one process, sockets bounded. Driven over
// IPC by the parent, which runs the server:
//   {type: 'run', count}  starts `count` operations at once; answered when all have settled
//   {type: 'measure'}     sent once the server has answered every abort (all operations are then
//                         waiting out their Retry-After): a full GC, then the live heap
// Usage: node --expose-gc scale.mjs <kind> <endpoint> <maxSockets>
import { performance } from 'node:perf_hooks';
import { createBenchClient } from './clients.mjs';

const [kind, endpoint, maxSockets] = process.argv.slice(2);
const client = await createBenchClient(kind, endpoint, { maxSockets: Number(maxSockets) });
globalThis.gc();
const baseline = process.memoryUsage();
let settled = 0;

async function run(count) {
  const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 10);
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: count }, (_, i) =>
    Promise.resolve(client.abort(`scale-${kind}-${count}-${i}`)).finally(() => settled++)));
  const wallInMs = performance.now() - started;
  clearInterval(sampler);
  const failed = outcomes.filter((o) => o.status === 'rejected');
  return {
    wallInMs,
    succeeded: outcomes.length - failed.length,
    failed: failed.length,
    firstError: failed[0] ? String(failed[0].reason?.message ?? failed[0].reason) : undefined,
    baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed },
    peak,
    maxRssInBytes: process.resourceUsage().maxRSS * 1024,
  };
}

process.on('message', async ({ id, type, count }) => {
  if (type === 'run') {
    settled = 0;
    process.send({ id, ...(await run(count)) });
  } else if (type === 'measure') {
    const pending = (count ?? 0) - settled;
    globalThis.gc();
    process.send({ id, liveHeap: process.memoryUsage().heapUsed, pending });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ id: 0, ready: true });
