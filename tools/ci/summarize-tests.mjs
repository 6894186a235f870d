#!/usr/bin/env node
// Reads a test log on stdin (vitest summaries from every nx project, ANSI colours and nx's
// `project:` prefixes included) and prints one closing line: `tests: N passed, N failed`.
// Exits 1 when nothing ran, so "no test executed" can never pass silently.
import { text } from 'node:stream/consumers';

const log = (await text(process.stdin)).replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
let files = 0;
for (const line of log.split('\n')) {
  const summary = /^(?:\S+:)?\s*Tests\s+(.*)\((\d+)\)\s*$/.exec(line);
  if (!summary) continue;
  files++;
  for (const [, count, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind === 'passed') passed += Number(count);
    else if (kind === 'failed') failed += Number(count);
    else skipped += Number(count);
  }
}
console.log(`${files} test runs`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(files === 0 || passed === 0 ? 1 : 0);
