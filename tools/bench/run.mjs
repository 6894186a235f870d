#!/usr/bin/env node
// azlro's benchmark suite: azlro and the official Azure SDK packages side by side, in one run, against
// the same loopback server; prints Markdown tables of medians and azlro/official ratios, and which
// targets are met. See tools/bench/README.md.
//
//   node tools/bench/run.mjs            full run (a few minutes on 2 cores)
//   node tools/bench/run.mjs --quick    fewer iterations
//   node tools/bench/run.mjs --smoke    one iteration of each; fails unless every benchmark produced numbers
//   options: --only=bundle,cold,per-call,waiting,scale,codegen,cli,install   --out=<file.md>   --no-build
//            --scale-sizes=1000,10000,100000   --scale-clients=azlro-capped,official-capped,azlro-defaults   --scale-in-flight=N
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bundleSize } from './benchmarks/bundle-size.mjs';
import { cliStart } from './benchmarks/cli-start.mjs';
import { codegen } from './benchmarks/codegen.mjs';
import { installSize } from './benchmarks/install-size.mjs';
import { coldStart } from './benchmarks/cold-start.mjs';
import { perCall } from './benchmarks/per-call.mjs';
import { scale } from './benchmarks/scale.mjs';
import { waiting } from './benchmarks/waiting.mjs';
import { describeMachine } from './lib/machine.mjs';
import { nxBin, root } from './lib/nx.mjs';
import { startBenchServer } from './lib/server.mjs';
import { markdownTable } from './lib/table.mjs';
import { makeCertificates } from './lib/tls.mjs';

const BENCHMARKS = { bundle: bundleSize, cold: coldStart, 'per-call': perCall, waiting, scale, codegen, cli: cliStart, install: installSize };

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'scale-sizes': { type: 'string' },
    'scale-clients': { type: 'string' },
    'scale-in-flight': { type: 'string' },
  },
});
const selected = args.only ? args.only.split(',').map((s) => s.trim()) : Object.keys(BENCHMARKS);
for (const name of selected) if (!BENCHMARKS[name]) throw new TypeError(`--only: unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
const list = (value, name, parse = (s) => s) => value?.split(',').map((s) => {
  const item = parse(s.trim());
  if (item === '' || Number.isNaN(item)) throw new TypeError(`--${name}: ${JSON.stringify(s)} is not valid`);
  return item;
});
const scaleSizes = list(args['scale-sizes'], 'scale-sizes', (s) => (/^[1-9]\d*$/.test(s) ? Number(s) : Number.NaN));
const scaleClients = list(args['scale-clients'], 'scale-clients');
const scaleInFlight = list(args['scale-in-flight'], 'scale-in-flight', (s) => (/^[1-9]\d*$/.test(s) ? Number(s) : Number.NaN))?.[0];
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

if (!args['no-build']) {
  // azlro is measured as users get it: the built dist/ of each package (an nx cache hit when fresh).
  log('building the azlro packages (nx, cached)');
  // The install benchmark publishes every package, the emulator included.
  const projects = selected.includes('install') ? [] : ['--projects=@azlro/lro,@azlro/cli'];
  const build = spawnSync(process.execPath, [nxBin, 'run-many', '-t', 'build', ...projects, '--outputStyle=stream'], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000, env: { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const machine = describeMachine(root);
const tmp = mkdtempSync(join(tmpdir(), 'azlro-bench-'));
let tls;
let server;
const ctx = {
  quick: args.quick,
  smoke: args.smoke,
  /** Fleet sizes and clients of the scale benchmark, when given (else its own choice). */
  scaleSizes,
  scaleClients,
  /** At most this many operations started and not settled at once in the scale worker (default: all at once). */
  scaleInFlight,
  tmp,
  log,
  get tls() {
    tls ??= makeCertificates(tmp);
    return tls;
  },
  /** The loopback server, started on first use and shared by every runtime benchmark. */
  async server() {
    server ??= await startBenchServer({ tls: ctx.tls });
    return server;
  },
};

const results = [];
const failures = [];
const started = performance.now();
try {
  for (const name of selected) {
    log(`${name}…`);
    const t0 = performance.now();
    try {
      const result = await BENCHMARKS[name](ctx);
      results.push({ name, ...result, seconds: (performance.now() - t0) / 1000 });
      if (result.numbers.length === 0 || !result.numbers.every(Number.isFinite)) failures.push(`${name}: a measurement is missing or not a number`);
      for (const error of result.errors ?? []) failures.push(`${name}: ${error}`);
    } catch (error) {
      failures.push(`${name}: ${error.stack ?? error}`);
    }
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
}
const totalSeconds = (performance.now() - started) / 1000;

const mode = args.smoke ? '--smoke' : args.quick ? '--quick' : 'full';
const report = [
  `# azlro benchmarks (${mode})`,
  '',
  `${machine.date}; ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ` +
    `load average at start ${machine.loadAverage}; commit ${machine.commit || 'unknown'}; total ${totalSeconds.toFixed(0)} s.`,
  '',
  `Versions: ${Object.entries(machine.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  '',
  ...results.flatMap((r) => [`## ${r.title}`, '', ...r.sections.flatMap((s) => [s, '']), `(${r.seconds.toFixed(0)} s)`, '']),
  '## Targets',
  '',
  markdownTable(
    ['benchmark', 'measure', 'target', 'azlro', 'met'],
    results.flatMap((r) => r.targets).map((t) => [t.benchmark, t.what, t.target, t.actual, t.met === undefined ? 'not run' : t.met ? 'yes' : '**no**']),
  ),
  '',
].join('\n');
process.stdout.write(report);
if (args.out) writeFileSync(args.out, report);
if (failures.length > 0) {
  log(`FAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
log(`all ${results.length} benchmarks produced numbers in ${totalSeconds.toFixed(0)} s`);
