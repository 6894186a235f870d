// Runs the fault matrix (test/faults/kinds.ts): every kind against its own loopback server with the
// real CLI as a process, then prints one table with the outcome of each and the totals.
// `npm run test:faults` runs this file alone.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, describe, expect, test } from 'vitest';
import { KINDS } from './faults/kinds.js';

const results: { family: string; name: string; expected: string; passed: boolean; ms: number; why?: string }[] = [];
const servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close().catch(() => {})));
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = ['', 'fault matrix (issue 10)', `${'kind'.padEnd(width)}  result  time     expected`];
  let family = '';
  for (const r of [...results].sort((a, b) => KINDS.findIndex((k) => k.name === a.name) - KINDS.findIndex((k) => k.name === b.name))) {
    if (r.family !== family) lines.push(`-- ${(family = r.family)}`);
    const time = `${(r.ms / 1000).toFixed(1)} s`.padStart(7);
    lines.push(`${r.name.padEnd(width)}  ${r.passed ? 'pass  ' : 'FAIL  '}  ${time}  ${r.expected}${r.why ? `\n${' '.repeat(width + 19)}got: ${r.why}` : ''}`);
  }
  const passed = results.filter((r) => r.passed).length;
  const families = new Set(results.map((r) => r.family)).size;
  lines.push(`totals: ${results.length} kinds in ${families} families, ${passed} passed, ${results.length - passed} failed`);
  console.log(lines.join('\n'));
});

describe.concurrent('fault matrix', () => {
  test('has at least 40 kinds, each named once', () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
  });

  for (const kind of KINDS) {
    test(`${kind.family}: ${kind.name}`, { timeout: 90_000 }, async () => {
      const s = await startTestServer();
      servers.push(s);
      const started = performance.now();
      try {
        await kind.run(s);
        results.push({ ...kind, passed: true, ms: performance.now() - started });
      } catch (error) {
        results.push({ ...kind, passed: false, ms: performance.now() - started, why: String((error as Error).message).split('\n')[0] });
        throw error;
      }
    });
  }
});
