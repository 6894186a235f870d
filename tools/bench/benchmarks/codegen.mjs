// 6. Codegen: regenerate every client cold (a fresh copy of the workspace's codegen inputs, no nx
// cache, no project graph yet), then the nx-cached no-op (same copy, nothing changed). The copy
// lives in a temporary directory so the repository's src/generated and .nx cache are never touched;
// its output is compared with the committed generated code.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childEnv, runNode } from '../lib/child.mjs';
import { nxBin as nx, root } from '../lib/nx.mjs';
import { formatNumber, formatRatio, median, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

const services = ['containerservice', 'batch', 'cloudpartner'];

/** The files nx and hey-api need to regenerate the clients, and nothing else. */
function copyWorkspace(dir) {
  for (const file of ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json']) cpSync(join(root, file), join(dir, file));
  mkdirSync(join(dir, 'specs'));
  mkdirSync(join(dir, 'tools', 'codegen'), { recursive: true });
  // The shared hey-api config and the client plugin it loads (azlro's own client runtime).
  for (const file of ['openapi-ts.service.ts', 'azlro-client-plugin.ts']) cpSync(join(root, 'tools', 'codegen', file), join(dir, 'tools', 'codegen', file));
  for (const service of services) {
    cpSync(join(root, 'specs', `${service}.yaml`), join(dir, 'specs', `${service}.yaml`));
    const from = join(root, 'packages', service);
    const to = join(dir, 'packages', service);
    mkdirSync(to, { recursive: true });
    for (const file of ['package.json', 'openapi-ts.config.ts', 'tsconfig.json', 'tsconfig.lib.json']) cpSync(join(from, file), join(to, file));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

function files(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Whether the copy's generated output is byte for byte the repository's. */
function sameAsCommitted(dir) {
  return services.every((service) => {
    const ours = join(dir, 'packages', service, 'src/generated');
    const committed = join(root, 'packages', service, 'src/generated');
    const list = files(ours);
    return list.join() === files(committed).join() && list.every((f) => readFileSync(join(ours, f)).equals(readFileSync(join(committed, f))));
  });
}

async function nxCodegen(dir, extra) {
  const env = childEnv({ NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' });
  // .ci/run exports NX_SKIP_NX_CACHE=true (CI proves a cold run): the second run here is about the cache.
  delete env.NX_SKIP_NX_CACHE;
  const result = await runNode([nx, 'run-many', '-t', 'codegen', '--outputStyle=stream', ...extra], { cwd: dir, env, timeoutInMs: 180_000 });
  if (result.code !== 0) throw new Error(`codegen in ${dir} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

export async function codegen(ctx) {
  const repetitions = ctx.smoke || ctx.quick ? 1 : 3;
  const cold = [];
  const cached = [];
  let identical = true;
  let cacheHits = '';
  for (let rep = 0; rep < repetitions; rep++) {
    const dir = join(ctx.tmp, `codegen-${rep}`);
    mkdirSync(dir);
    copyWorkspace(dir);
    const first = await nxCodegen(dir, []);
    cold.push(first.ms);
    if (ctx.verbose) ctx.log?.(first.stdout);
    identical &&= sameAsCommitted(dir);
    const hit = await nxCodegen(dir, []);
    cached.push(hit.ms);
    cacheHits = /(\d+)\/(\d+) hit/.exec(hit.stdout)?.[0] ?? (/read the output from the cache[^\n]*/.exec(hit.stdout)?.[0] ?? 'no cache line');
    if (!/cache/i.test(hit.stdout)) throw new Error(`codegen: the second run was no cache hit:\n${hit.stdout}`);
    ctx.log?.(`codegen: ${relative(ctx.tmp, dir)} cold ${Math.round(cold.at(-1))} ms, cached ${Math.round(hit.ms)} ms`);
  }
  const coldMs = median(cold);
  const cachedMs = median(cached);
  const table = markdownTable(
    ['run', 'wall ms (median)', 'ratio to cold'],
    [
      [`cold: \`nx run-many -t codegen\` on a fresh copy (no cache, no project graph), ${services.length} clients`, formatNumber(coldMs, 0), '1.00×'],
      ['nx-cached no-op: the same command again, nothing changed', formatNumber(cachedMs, 0), formatRatio(ratio(cachedMs, coldMs))],
    ],
  );
  const notes = [
    `${repetitions} repetition(s), each on a fresh copy of the codegen inputs (root package.json, package-lock.json, nx.json, tsconfig.base.json, the three specs, the shared generator config, each client's package.json, openapi-ts.config.ts and tsconfigs; node_modules linked) in a temporary directory.`,
    `Output identical to the committed src/generated: ${identical ? 'yes' : 'NO (the committed code differs from what the specs produce now)'}. Cache: ${cacheHits}.`,
  ].join('\n');
  return {
    title: '6. Codegen',
    sections: [table, notes],
    numbers: [coldMs, cachedMs],
    targets: [{ benchmark: 'codegen', what: 'cached no-op vs cold', target: 'a cache hit, well under cold', actual: formatRatio(ratio(cachedMs, coldMs)), met: cachedMs < coldMs / 2 && identical }],
  };
}
