// The root README's ```ts blocks, runnable: each must be identical to the snippet regions of a file
// in test/readme/ (the last test checks), and runs here as a newcomer would run it.
import { expect, test } from 'vitest';
import { useItFromCode } from './readme/use-it-from-code.js';
import { snippetOf, tsBlocksOf } from './recipes/context.js';

test('"Use it from code": starts an emulator, aborts and waits, prints progress, stops the emulator', async () => {
  const printed: unknown[][] = [];
  await useItFromCode({ log: (...values) => printed.push(values) });
  expect(printed[0]).toEqual(['running', '']);
  expect(printed.at(-2)).toEqual(['succeeded', 100]);
  expect(printed.at(-1)).toEqual(['aborted']);
  expect(printed.length).toBeGreaterThanOrEqual(4); // the 202, at least one InProgress, Succeeded, done
}, 60_000);

test("README.md's ```ts blocks are exactly these snippets, in order", () => {
  const snippets = ['use-it-from-code'].map((name) => snippetOf(new URL(`./readme/${name}.ts`, import.meta.url)));
  expect(tsBlocksOf(new URL('../../../README.md', import.meta.url))).toEqual(snippets);
});
