// 4. Waiting: scripted AKS aborts whose status is `InProgress` n times with `Retry-After: r`, then
// `Succeeded` (the server's clock decides: done (n + 1) × r after the abort arrived). For each client:
// requests sent, polls sent before the previous response's Retry-After had passed, and the time from
// the server's "done" to the caller's resolution (reported over IPC, timed on the server's clock).
import { fileURLToPath } from 'node:url';
import { childEnv, startIpcWorker } from '../lib/child.mjs';
import { formatNumber, median } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

const worker = fileURLToPath(new URL('../workers/lro.mjs', import.meta.url));
const clients = [
  ['azlro', 'azlro abortLatestOperation, defaults'],
  ['official', 'official managedClusters.abortLatestOperation, defaults'],
];
/**
 * Per run: requests, early polls (arrived before the previous answer's Retry-After had passed since
 * it was written), each poll's lateness (how long after that moment it arrived, for polls that
 * waited), and done → resolved on the server's clock.
 */
function analyse(events, doneAt, resolvedAt) {
  let early = 0;
  const lateness = [];
  for (let i = 1; i < events.length; i++) {
    const previous = events[i - 1];
    if (previous.retryAfterInMs === undefined) continue;
    const late = events[i].arrivedAt - (previous.respondingAt + previous.retryAfterInMs);
    if (late < 0) early++;
    else lateness.push(late);
  }
  return { requests: events.length, early, lateness, lagInMs: resolvedAt - doneAt, wallInMs: resolvedAt - events[0].arrivedAt };
}

export async function waiting(ctx) {
  const scenarios = ctx.smoke
    ? [{ inProgress: 0, retryAfterInSeconds: 1 }]
    : [{ inProgress: 0, retryAfterInSeconds: 1 }, { inProgress: 3, retryAfterInSeconds: 1 }, { inProgress: 1, retryAfterInSeconds: 2 }];
  const repetitions = ctx.smoke ? 1 : ctx.quick ? 2 : 3;
  const server = await ctx.server();
  const workers = clients.map(([kind]) => startIpcWorker([worker, kind, server.httpsUrl], { env: childEnv({ NODE_EXTRA_CA_CERTS: ctx.tls.caFile }) }));
  const rows = [];
  const numbers = [];
  const targets = [];
  try {
    await Promise.all(workers.map((w) => w.ready));
    for (const [s, scenario] of scenarios.entries()) {
      const results = clients.map(() => []);
      for (let rep = 0; rep < repetitions; rep++) {
        // The clients run side by side (each on its own cluster name): they spend the time waiting.
        await Promise.all(clients.map(async ([kind], c) => {
          const name = `wait-${s}-${rep}-${kind}`;
          server.script(name, { ...scenario, record: true });
          const answer = await workers[c].request({ name });
          if (!answer.ok) throw new Error(`waiting: ${kind} failed: ${answer.error}`);
          const { events, doneAt } = server.outcome(name);
          results[c].push(analyse(events, doneAt, answer.at));
        }));
      }
      const minimum = scenario.inProgress + 2;
      const ideal = (scenario.inProgress + 1) * scenario.retryAfterInSeconds * 1000;
      for (const [c, [kind, label]] of clients.entries()) {
        const runs = results[c];
        const requests = [...new Set(runs.map((r) => r.requests))].join('/');
        const early = Math.max(...runs.map((r) => r.early));
        const lag = median(runs.map((r) => r.lagInMs));
        const worstLag = Math.max(...runs.map((r) => r.lagInMs));
        numbers.push(lag);
        rows.push([
          `n=${scenario.inProgress}, r=${scenario.retryAfterInSeconds} s`, label, `${requests} (min ${minimum})`, early,
          formatNumber(median(runs.flatMap((r) => r.lateness)), 1),
          `${formatNumber(lag, 0)} (worst ${formatNumber(worstLag, 0)})`, `${formatNumber(median(runs.map((r) => r.wallInMs)), 0)} (ideal ${ideal})`,
        ]);
        if (kind === 'azlro') {
          const met = runs.every((r) => r.requests === minimum && r.early === 0 && r.lagInMs <= 50);
          targets.push({
            benchmark: 'waiting', what: `n=${scenario.inProgress}, r=${scenario.retryAfterInSeconds} s`,
            target: `${minimum} requests, no early poll, resolved ≤ 50 ms after done`,
            actual: `${requests} requests, ${early} early, worst ${formatNumber(worstLag, 0)} ms`, met,
          });
        }
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
  const table = markdownTable(
    ['scenario', 'client', 'requests', 'polls before Retry-After', 'poll lateness, ms (median)', 'done → resolved, ms (median)', 'abort → resolved, ms (median)'],
    rows,
  );
  const notes = [
    `${repetitions} repetitions per scenario; https loopback (both workers trust the throwaway CA through NODE_EXTRA_CA_CERTS).`,
    'n = how many `InProgress` answers a client that honours `Retry-After` sees; r = the `Retry-After` (seconds) on the 202 and on each `InProgress`.',
    'The minimum is the abort plus n + 1 status polls: the abort\'s outcome is void, so nothing after `Succeeded` can carry news.',
    'Poll lateness: how long after the previous answer was written plus its Retry-After a poll arrived (network both ways, timers, client work); it adds up over the n + 1 waits, which is why done → resolved grows with n.',
    'The official SDK runs at its defaults (`updateIntervalInMs` unset: 2 s, used only when a response has no `Retry-After`; it would not change these runs, since its first poll goes out as soon as the 202 arrives and every later wait is the previous response\'s `Retry-After`).',
  ].join('\n');
  return { title: '4. Waiting', sections: [table, notes], numbers, targets };
}
