// Scale: many abort-and-wait operations at once in this one process. Driven over IPC by the
// parent, which runs the server:
//   {type: 'run', count, inFlight}  starts `count` operations, at most `inFlight` at a time (a
//                                   missing `inFlight`: all at once); answered when all have settled
// Usage: node scale.mjs <kind> <endpoint> <maxSockets>   (maxSockets 0: the client's own default)
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createLimiter } from '../lib/queue.mjs';
import { createBenchClient } from './clients.mjs';

const [kind, endpoint, maxSockets] = process.argv.slice(2);
const client = await createBenchClient(kind, endpoint, Number(maxSockets) > 0 ? { maxSockets: Number(maxSockets) } : {});
globalThis.gc?.();
const baseline = process.memoryUsage();

/** What an outcome is called in the counts: `succeeded`, or the error's name and code (never its message, which may name a URL). */
const outcomeOf = (settled) => {
  if (settled.status === 'fulfilled') return 'succeeded';
  const error = settled.reason;
  const code = error?.code ?? error?.cause?.code;
  return `${error?.name ?? typeof error}${code ? ` ${code}` : ''}`;
};

async function run(count, inFlight = Infinity) {
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const limiter = createLimiter(inFlight);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, i) =>
    limiter.run(() => client.abort(`scale-${kind}-${count}-${i}`))));
  const wallInMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  loop.disable();
  const outcomes = {};
  let firstError;
  for (const s of settled) {
    const outcome = outcomeOf(s);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (s.status === 'rejected') firstError ??= String(s.reason?.message ?? s.reason).slice(0, 300);
  }
  return {
    wallInMs,
    cpuInMs: (user + system) / 1000,
    succeeded: outcomes.succeeded ?? 0,
    failed: count - (outcomes.succeeded ?? 0),
    outcomes,
    firstError,
    baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed },
    maxRssInBytes: process.resourceUsage().maxRSS * 1024,
    eventLoopMaxDelayInMs: loop.max / 1e6,
  };
}

process.on('message', async ({ id, type, count, inFlight }) => {
  if (type === 'run') process.send({ id, ...(await run(count, inFlight ?? Infinity)) });
});
process.on('disconnect', () => process.exit(0));
process.send({ id: 0, ready: true });
