// 3. Per-call overhead: sequential GETs of one AKS command result (200, ~250 bytes of JSON) through
// each client against the same loopback server, compared with raw `fetch` of the same URL with the
// same bearer token (and `response.json()`). Over http (azlro vs fetch: the least diluted ratio)
// and over https (the official SDK refuses bearer tokens over http), each in one worker process.
import { runJsonWorker, childEnv } from '../lib/child.mjs';
import { formatNumber, formatRatio, median, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('../workers/per-call.mjs', import.meta.url));
const names = {
  fetch: 'raw fetch',
  azlro: 'azlro getCommandResult',
  official: 'official classic client',
  'official-modular': 'official modular API',
  'generated-only': 'breakdown: the generated hey-api client alone, on fetch',
  'pipeline-only': 'breakdown: the @azlro/http pipeline alone, as a fetch',
};

export async function perCall(ctx) {
  const calls = ctx.smoke ? 200 : 2000;
  const rounds = ctx.smoke ? 1 : ctx.quick ? 2 : 3;
  const warmup = ctx.smoke ? 20 : ctx.quick ? 300 : 500;
  const server = await ctx.server();
  const runs = [
    ['http', server.httpUrl, ['fetch', 'azlro', ...(ctx.smoke ? [] : ['generated-only', 'pipeline-only'])]],
    ['https', server.httpsUrl, ['fetch', 'azlro', 'official', 'official-modular']],
  ];
  const rows = [];
  const numbers = [];
  const targets = [];
  for (const [transport, endpoint, kinds] of runs) {
    server.closeIdle();
    const before = server.counts.byKind.commandResult;
    const result = await runJsonWorker([worker, endpoint, String(calls), String(rounds), String(warmup), ...kinds], {
      env: childEnv({ NODE_EXTRA_CA_CERTS: ctx.tls.caFile }),
      timeoutInMs: 300_000,
    });
    const sent = server.counts.byKind.commandResult - before;
    const expected = kinds.length * (warmup + calls * rounds);
    if (sent !== expected) throw new Error(`per-call ${transport}: the server saw ${sent} GETs, expected ${expected}`);
    const fetchMs = median(result.fetch);
    for (const kind of kinds) {
      const ms = median(result[kind]);
      numbers.push(ms);
      rows.push([transport, names[kind], formatNumber((ms / calls) * 1000, 0), formatRatio(ratio(ms, fetchMs))]);
      if (kind === 'azlro') {
        // Issue 14: per call ≤ 1.2× raw fetch, and ≤ 1.0× the official client (https: it refuses a bearer token over http).
        targets.push({ benchmark: 'per-call overhead', what: `azlro vs raw fetch over ${transport}`, target: '≤ 1.2× raw fetch', actual: formatRatio(ratio(ms, fetchMs)), met: ratio(ms, fetchMs) <= 1.2 });
      }
    }
    const official = median(result.official ?? []);
    if (Number.isFinite(official)) {
      const versus = ratio(median(result.azlro), official);
      rows.push([transport, 'azlro / official classic client', '', formatRatio(versus)]);
      targets.push({ benchmark: 'per-call overhead', what: `azlro vs the official classic client over ${transport}`, target: '≤ 1.0× official', actual: formatRatio(versus), met: versus <= 1.0 });
    }
  }
  const table = markdownTable(['transport', 'client', 'µs per call (median round)', 'ratio to raw fetch'], rows);
  const notes = `${calls} sequential GETs per client per round, in batches of 250 interleaved across the clients; median of ${rounds} rounds, after ${warmup} warm-up calls each; ` +
    'keep-alive on every side (undici for fetch and azlro, the official SDK\'s own https agent); every GET checked at the server.';
  return { title: '3. Per-call overhead', sections: [table, notes], numbers, targets };
}
