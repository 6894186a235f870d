import { defineConfig } from 'vitest/config';
import { LongestFirst } from './packages/cli/test/longest-first.ts';

/**
 * Every project's tests in one vitest process (`npm test` runs `vitest run` here after nx has built
 * and type-checked everything). Each project keeps its own vitest.config.ts (its global setup,
 * timeouts, workers), which `nx run <project>:test` still uses alone. One vitest instead of one per
 * project (each its own nx task and Node process) saves vitest's start-up (~1.3 s of CPU each, 12
 * projects) and lets the idle CPU of one project's waits go to another project's files.
 *
 * Two workers for the whole run, the CLI's own limit: vitest refuses projects with different
 * maxWorkers in one group ("Provide unique 'sequence.groupOrder'"), and a separate group would run
 * the CLI's files after everyone else's. Most files' time is waiting (child processes, Prism), so
 * more workers would overlap more of it; that needs the CLI's limit raised with it (not tried yet).
 * The sequencer is a root-only option: the CLI's longest files first, then everything else.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
