import { defineConfig } from 'vitest/config';
import { LongestFirst } from './packages/cli/test/longest-first.ts';

/**
 * Every project's tests in one vitest process (`npm test` runs `vitest run` here after nx has built
 * and type-checked everything). Each project keeps its own vitest.config.ts (its global setup,
 * timeouts, workers), which `nx run <project>:test` still uses alone. One vitest instead of one per
 * project (each its own nx task and Node process) saves vitest's start-up (~1.3 s of CPU each, 12
 * projects) and lets the idle CPU of one project's waits go to another project's files.
 *
 * Four workers for the whole run on 2 cores: most files' time is waiting (child processes, loopback
 * servers, Prism), not CPU; with two, the waits of 94 files queued behind each other (the summed test
 * time is ~435 s) where nx's three parallel vitest processes had overlapped them. The sequencer is a
 * root-only option: the CLI's longest files first, then everything else.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
    maxWorkers: 4,
    sequence: { sequencer: LongestFirst },
  },
});
