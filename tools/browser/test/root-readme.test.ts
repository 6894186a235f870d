// The root README's ```ts blocks, runnable: each must be identical to the snippet regions of a file
// in test/readme/ (the last test checks), and runs here as a newcomer would run it.
import { expect, test } from 'vitest';
import { useItFromCode } from './readme/use-it-from-code.js';
import { snippetOf, tsBlocksOf } from './recipes/context.js';

test('"Use it from code": starts an emulator, aborts and waits, prints progress, stops the emulator', async () => {
  const printed: unknown[][] = [];
  await useItFromCode({ log: (...values) => printed.push(values) });
  // The 202 (no percentage yet), each InProgress poll with a growing percentage, Succeeded at 100,
  // then the line after the await. Real time on purpose: the README's own emulator keeps the demo's
  // timings (Canceling 3 s, Retry-After 1 s), so the first poll has 2 s of slack to find it running.
  expect(printed[0]).toEqual(['running', '']);
  expect(printed.slice(-2)).toEqual([['succeeded', 100], ['aborted']]);
  const polls = printed.slice(1, -2);
  expect(polls.length).toBeGreaterThanOrEqual(1);
  for (const [status, percent] of polls) {
    expect(status).toBe('running');
    expect(percent).toEqual(expect.any(Number));
  }
  const percents = polls.map(([, percent]) => percent as number);
  expect(percents.every((p, i) => p > 0 && p < 100 && (i === 0 || p > percents[i - 1]!))).toBe(true);
}, 60_000);

test("README.md's ```ts blocks are exactly these snippets, in order", () => {
  const snippets = ['use-it-from-code'].map((name) => snippetOf(new URL(`./readme/${name}.ts`, import.meta.url)));
  expect(tsBlocksOf(new URL('../../../README.md', import.meta.url))).toEqual(snippets);
});
