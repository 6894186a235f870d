// 7. CLI start-up: wall time from spawning `node packages/cli/dist/bin.js <args>` to its exit, for
// what loads no client (the version, help pages, a usage error), next to a bare `node -e ""`.
// Medians over interleaved runs; NODE_EXTRA_CA_CERTS unset in every child. The target compares
// `azlro --version` with the start-up recorded before the parser, help and output formats of
// issue 13 were added (BEFORE), scaled by this run's bare Node so that machines compare.
import { join } from 'node:path';
import { runNode } from '../lib/child.mjs';
import { root } from '../lib/nx.mjs';
import { formatNumber, formatRatio, median, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

/**
 * `azlro --version` at commit 2ffc88e (node:util parseArgs, one global help page), same machine,
 * median of 21 interleaved runs: 42.2 ms wall time against 23.6 ms for a bare `node -e ""`.
 */
const BEFORE = { commit: '2ffc88e', versionInMs: 42.2, bareInMs: 23.6 };
/** Issue 13: `azlro --version` may take at most this much longer than before. */
const ALLOWED = 1.2;

const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const cases = [
  ['azlro --version', ['--version']],
  ['azlro --help (the global page)', ['--help']],
  ['azlro aks abort --help', ['aks', 'abort', '--help']],
  ['azlro aks abrot (usage error with a suggestion, exit 2)', ['aks', 'abrot']],
  ['azlro completion bash', ['completion', 'bash']],
];

export async function cliStart(ctx) {
  const runs = ctx.smoke ? 1 : ctx.quick ? 11 : 21;
  const variants = [['bare', ['-e', '']], ...cases.map(([name, args]) => [name, [bin, ...args]])];
  const times = new Map(variants.map(([name]) => [name, []]));
  for (const [, args] of variants) await runNode(args, { timeoutInMs: 30_000 }); // warm the file cache
  for (let round = 0; round < runs; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const [name, args] of order) {
      const { code, stderr, ms } = await runNode(args, { timeoutInMs: 30_000 });
      const expected = name.includes('exit 2') ? 2 : 0;
      if (code !== expected) throw new Error(`${name} exited ${code}, not ${expected}: ${stderr}`);
      times.get(name).push(ms);
    }
  }
  const bare = median(times.get('bare'));
  const rows = cases.map(([name]) => {
    const ms = median(times.get(name));
    return [name, formatNumber(ms), formatNumber(ms - bare), formatRatio(ratio(ms, bare))];
  });
  const version = median(times.get('azlro --version'));
  // Before, scaled to this machine: the same multiple of a bare Node start.
  const beforeHere = (BEFORE.versionInMs / BEFORE.bareInMs) * bare;
  const versus = ratio(version, beforeHere);
  const table = markdownTable(['command', 'wall ms', 'ms over bare node', '× bare node'], rows);
  const notes = [
    `Median of ${runs} interleaved runs each; bare \`node -e ""\`: ${formatNumber(bare)} ms.`,
    `Before (commit ${BEFORE.commit}): \`azlro --version\` took ${BEFORE.versionInMs} ms, ${formatRatio(BEFORE.versionInMs / BEFORE.bareInMs)} a bare Node start ` +
      `(${BEFORE.bareInMs} ms); scaled to this run that is ${formatNumber(beforeHere)} ms, and now it is ${formatNumber(version)} ms (${formatRatio(versus)}).`,
  ].join('\n');
  return {
    title: '7. CLI start-up',
    sections: [table, notes],
    numbers: [bare, ...cases.map(([name]) => median(times.get(name)))],
    targets: [{ benchmark: 'CLI start-up', what: '`azlro --version` against before issue 13', target: `≤ ${ALLOWED}× before`, actual: formatRatio(versus), met: versus <= ALLOWED }],
  };
}
