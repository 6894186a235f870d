// 5. Scale: a fleet of concurrent abort-and-wait operations in one worker process per client and
// size, against the same https loopback server (which stays in the parent, so its memory and CPU
// are not counted). Every abort is issue 14's scenario: 202 with Retry-After: 1, then `InProgress`
// with Retry-After: 1 twice, then `Succeeded` (the operation is done 3 s after its abort arrived).
// Three clients: azlro and the official SDK capped at the same socket count, and azlro on its
// defaults. Sizes 1,000 and 10,000 in the full run (200 with --smoke); 100,000 only when asked
// for with --scale-sizes (see tools/bench/README.md).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { childEnv, startIpcWorker } from '../lib/child.mjs';
import { RingQueue } from '../lib/queue.mjs';
import { formatNumber, formatRatio, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';
import { throttledFleet } from './scale-throttled.mjs';

const workerFile = fileURLToPath(new URL('../workers/scale.mjs', import.meta.url));
/** The socket cap both compared clients get. */
export const CAP = 64;
const SCRIPT = { inProgress: 2, retryAfterInSeconds: 1 };
const MB = 1024 * 1024;

/** azlro's default connections per origin, as the built package says (the label only). */
async function azlroDefaultCap() {
  try {
    return (await import('@azlro/http')).DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  } catch {
    return undefined;
  }
}

/** The clients, by the name `--scale-clients` takes. `maxSockets` 0: the client's own default. */
async function clientTable() {
  const cap = await azlroDefaultCap();
  return {
    'azlro-capped': { kind: 'azlro', maxSockets: CAP, label: `azlro, \`maxConnectionsPerOrigin: ${CAP}\`` },
    'official-capped': { kind: 'official', maxSockets: CAP, label: `official classic client, \`agent: new https.Agent({ keepAlive: true, maxSockets: ${CAP} })\`` },
    'azlro-defaults': { kind: 'azlro', maxSockets: 0, label: `azlro, defaults (its shared dispatcher: ${cap ?? '?'} connections per origin)` },
  };
}

/** Which clients run at `count`: all three up to 10,000; azlro on its defaults alone above (unless `--scale-clients` says). */
const clientsFor = (count, ctx, all) => ctx.scaleClients ?? (count > 10_000 ? ['azlro-defaults'] : Object.keys(all));

/**
 * FIFO check and cost of the limiter's queue against `Array#shift`, at `n` entries queued at once
 * (what the worker's in-flight limiter holds when 100,000 starts wait): CPU ms for n pushes then n shifts.
 */
function queueCheck(n) {
  const time = (queue) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) queue.push(i);
    for (let i = 0; i < n; i++) if (queue.shift() !== i) throw new Error(`queue: entry ${i} came out of order`);
    const { user, system } = process.cpuUsage(cpu);
    return (user + system) / 1000;
  };
  const ring = time(new RingQueue());
  const array = time([]);
  return { ring, array };
}

export async function scale(ctx) {
  const all = await clientTable();
  const counts = ctx.scaleSizes ?? (ctx.smoke ? [200] : [1000, 10_000]);
  for (const name of ctx.scaleClients ?? []) if (!all[name]) throw new TypeError(`--scale-clients: unknown client ${name}; known: ${Object.keys(all).join(', ')}`);
  const server = await ctx.server();
  const rows = [];
  const numbers = [];
  const targets = [];
  const errors = [];
  const byCount = {};
  for (const count of counts) {
    const results = (byCount[count] = {});
    for (const name of clientsFor(count, ctx, all)) {
      const { kind, maxSockets, label } = all[name];
      server.closeIdle();
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the previous worker's sockets close
      server.reset();
      server.setDefaultScript(SCRIPT);
      ctx.log(`scale: ${count} × ${name}`);
      const worker = startIpcWorker(['--expose-gc', workerFile, kind, server.httpsUrl, String(maxSockets)], {
        env: childEnv({ NODE_EXTRA_CA_CERTS: ctx.tls.caFile }),
        timeoutInMs: Math.max(600_000, count * 20),
      });
      let result;
      try {
        await worker.ready;
        const started = performance.now();
        // Long runs say how far they are (to stderr), every 30 s.
        const progress = setInterval(() => {
          const { abort, status, location } = server.counts.byKind;
          ctx.log(`scale: ${count} × ${name}: ${Math.round((performance.now() - started) / 1000)} s, ${abort} aborts + ${status} status + ${location} location GETs answered, ${server.counts.succeededAnswers} Succeeded`);
        }, 30_000);
        result = await worker.request({ type: 'run', count, inFlight: ctx.scaleInFlight }).finally(() => clearInterval(progress));
        result.parentWallInMs = performance.now() - started;
      } finally {
        await worker.close();
      }
      const { abort, status, location } = server.counts.byKind;
      const requests = abort + status + location;
      const correct = result.succeeded === count && abort === count && server.counts.succeededAnswers === count;
      if (!correct) {
        errors.push(`scale ${name} × ${count}: outcomes ${JSON.stringify(result.outcomes)} (${result.firstError ?? 'no error'}); the server saw ${abort} aborts and answered Succeeded ${server.counts.succeededAnswers} times`);
      }
      results[name] = { ...result, requests, sockets: server.counts.connections, maxOpen: server.counts.maxOpen, correct };
      numbers.push(result.wallInMs, result.maxRssInBytes, result.cpuInMs);
      const outcomes = Object.entries(result.outcomes).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ');
      rows.push([
        count.toLocaleString('en-US'), label, outcomes, server.counts.succeededAnswers.toLocaleString('en-US'),
        `${requests.toLocaleString('en-US')} (${abort} + ${status} + ${location})`, formatNumber(requests / count, 2),
        `${server.counts.connections.toLocaleString('en-US')} (${server.counts.maxOpen})`,
        formatNumber(result.wallInMs / 1000, 1), formatNumber(result.maxRssInBytes / MB, 0),
        formatNumber((result.cpuInMs / count) * 1000, 0), formatNumber(result.eventLoopMaxDelayInMs, 0),
      ]);
    }
    const [a, o] = [results['azlro-capped'], results['official-capped']];
    if (a && o) {
      rows.push([
        count.toLocaleString('en-US'), `ratio azlro / official, both at ${CAP} sockets`, '', '',
        formatRatio(ratio(a.requests, o.requests)), '', formatRatio(ratio(a.sockets, o.sockets)),
        formatRatio(ratio(a.wallInMs, o.wallInMs)), formatRatio(ratio(a.maxRssInBytes, o.maxRssInBytes)),
        formatRatio(ratio(a.cpuInMs, o.cpuInMs)), '',
      ]);
    }
  }
  // Issue 14's scale targets: RSS and CPU per operation at 10,000 (the largest size both ran, in a
  // smoke run), and 100,000 on defaults.
  const compared = counts.filter((c) => byCount[c]['azlro-capped'] && byCount[c]['official-capped']).at(-1);
  if (compared !== undefined) {
    const [a, o] = [byCount[compared]['azlro-capped'], byCount[compared]['official-capped']];
    const at = `at ${compared.toLocaleString('en-US')} concurrent, both ${CAP} sockets${compared === 10_000 ? '' : ' (10,000 in the full run)'}`;
    for (const [what, f] of [['peak RSS', (r) => r.maxRssInBytes], ['CPU (user + sys) per operation', (r) => r.cpuInMs]]) {
      const r = ratio(f(a), f(o));
      targets.push({ benchmark: 'scale', what: `${what} ${at}`, target: '≤ 1.0× official', actual: formatRatio(r), met: r <= 1.0 });
    }
  }
  const huge = byCount[100_000]?.['azlro-defaults'];
  targets.push({
    benchmark: 'scale', what: '100,000 concurrent abort-and-waits on azlro\'s defaults, all correct', target: 'all succeed',
    actual: huge ? `${huge.succeeded.toLocaleString('en-US')}/100,000 in ${formatNumber(huge.wallInMs / 1000, 0)} s, ${formatNumber(huge.maxRssInBytes / MB, 0)} MB` : 'not run (--scale-sizes=100000)',
    met: huge ? huge.correct : undefined,
  });
  const queue = queueCheck(100_000);
  numbers.push(queue.ring, queue.array);
  server.reset();
  const table = markdownTable(
    ['operations', 'client', 'outcomes', 'Succeeded answers sent', 'requests (abort + status + location)', 'requests per operation', 'sockets opened (most open at once)', 'wall s', 'peak RSS MB', 'CPU µs per operation', 'event loop max delay ms'],
    rows,
  );
  const notes = [
    `Each abort: 202 + Retry-After: 1, then InProgress + Retry-After: 1 twice, then Succeeded (done 3 s after the abort arrived); every operation started at once (Promise.allSettled over the count)${ctx.scaleInFlight ? `, except that at most ${ctx.scaleInFlight} were started and unsettled at a time (--scale-in-flight)` : ''}. One worker process per client and size (its own memory and CPU only; the server is in the parent).`,
    'Outcomes: how each poller settled, counted by result (errors by name and code); "Succeeded answers sent": status GETs the server answered Succeeded, one per operation when all is right. Requests and sockets are counted at the server (sockets: TLS connections accepted).',
    'Wall: first start to last settle, in the worker. Peak RSS: `process.resourceUsage().maxRSS` of the worker (imports included). CPU: `process.cpuUsage()` user + system over the run, divided by the count. Event loop max delay: `monitorEventLoopDelay` (20 ms resolution) over the run.',
    `Socket caps: azlro through \`maxConnectionsPerOrigin\` (the connection limit of its shared undici dispatcher); the official client through its \`agent\` option (an \`https.Agent\` with \`maxSockets\`, which its Node http client uses for every request). azlro's defaults row sets no option at all. Polling on both sides at their defaults: azlro waits each Retry-After; the official client polls the status as soon as the 202 arrives and GETs the \`location\` at the end.`,
    `100,000 is run only when asked: \`--scale-sizes=100000\` (azlro on its defaults alone; \`--scale-clients=\` to add others).`,
    `Queue of the worker's in-flight limiter (\`lib/queue.mjs\`, a ring buffer): 100,000 pushes then 100,000 shifts, checked in order, ${formatNumber(queue.ring, 1)} ms CPU; the same through \`Array#shift\`: ${formatNumber(queue.array, 1)} ms.`,
  ].join('\n');
  const throttled = ctx.scaleSizes ? { sections: [], numbers: [], targets: [] } : await throttledFleet(ctx, server);
  server.reset();
  return {
    title: '5. Scale',
    sections: [table, notes, ...(throttled.sections.length ? ['### A throttled fleet', ...throttled.sections] : [])],
    numbers: [...numbers, ...throttled.numbers],
    targets: [...targets, ...throttled.targets],
    errors,
  };
}
