import { defineConfig } from 'vitest/config';
import { longestFirst, WORKERS } from './vitest.shared.ts';

/**
 * Every project's tests in one vitest process: what `npm test` runs (nx target `test-all` of
 * tools/suite, after the JavaScript builds, beside the type check and the declaration builds). Each
 * project keeps its own vitest.config.ts (its global setup, timeouts), which `nx run <project>:test`
 * uses alone. One vitest instead of one per project saves vitest's start-up (~1.3 s of CPU each,
 * 11 projects: ~23 s of CPU over the suite) and lets one project's waits overlap another's files.
 *
 * The order: files measured at over 5 s, longest first (durations in the all-projects run, 4
 * workers), then the rest. `sequencer` is a root-only option.
 */
const LONGEST_FIRST = [
  'packages/cli/test/demo.test.ts',
  'packages/cli/test/fault-matrix.test.ts',
  'packages/cli/test/emulator-command.test.ts',
  'tools/browser/test/recipes.test.ts',
  'packages/cli/test/test-server.test.ts',
  'packages/cli/test/emulator.test.ts',
  'tools/browser/test/browser.test.ts',
  'packages/cli/test/az-conventions.test.ts',
  'packages/http/test/proxy.test.ts',
  'packages/lro/test/fleet-throttling.test.ts',
  'packages/cli/test/throttling-and-blame.test.ts',
  'tools/browser/test/root-readme.test.ts',
  'packages/cli/test/ecosystem.test.ts',
  'packages/cli/test/nodepool-and-invoke.test.ts',
  'packages/http/test/faults.test.ts',
  'packages/cli/test/command-invoke-emulator.test.ts',
  'tools/official-sdk/test/official-sdk.test.ts',
  'packages/lro/test/readme-snippets.test.ts',
].map((path) => `/${path}`);

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
    maxWorkers: WORKERS,
    sequence: { sequencer: longestFirst(LONGEST_FIRST) },
  },
});
