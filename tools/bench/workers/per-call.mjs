// Per-call overhead: sequential GETs of an AKS command result through each client. After a warm-up,
// each round gives every client `calls` calls, in batches of `batch` interleaved across the clients
// (so drift in machine speed hits all alike). Prints {"<kind>": [ms per round, ...]} as JSON.
// Usage: node per-call.mjs <endpoint> <calls> <rounds> <warmup> <kind>...
import { performance } from 'node:perf_hooks';
import { createBenchClient } from './clients.mjs';

const BATCH = 250;
const [endpoint, calls, rounds, warmup, ...kinds] = process.argv.slice(2);
const clients = [];
for (const kind of kinds) clients.push([kind, await createBenchClient(kind, endpoint)]);

async function time(client, count) {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const result = await client.getCommandResult();
    if (!result) throw new Error('no command result');
  }
  return performance.now() - started;
}

for (const [, client] of clients) await time(client, Number(warmup));
const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
for (let round = 0; round < Number(rounds); round++) {
  const totals = new Map(kinds.map((kind) => [kind, 0]));
  for (let done = 0; done < Number(calls); done += BATCH) {
    const count = Math.min(BATCH, Number(calls) - done);
    for (let i = 0; i < clients.length; i++) {
      const [kind, client] = clients[(i + round + done / BATCH) % clients.length];
      totals.set(kind, totals.get(kind) + (await time(client, count)));
    }
  }
  for (const [kind, ms] of totals) results[kind].push(ms);
}
console.log(JSON.stringify(results));
