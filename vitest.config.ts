import { defineConfig } from 'vitest/config';
import { azlroVitestConfig, longestFirst, WORKERS } from './vitest.shared.ts';

/**
 * Every project's tests in one vitest process: what `npm test` runs (nx target `test-all` of
 * tools/suite, after the JavaScript builds, beside the type check and the declaration builds). Each
 * project keeps its own vitest.config.ts (its global setup, timeouts), which `nx run <project>:test`
 * uses alone. One vitest instead of one per project saves vitest's start-up (~1.3 s of CPU each,
 * 11 projects: ~23 s of CPU over the suite) and lets one project's waits overlap another's files.
 *
 * The order: project by project (PROJECT_ORDER), and within a project the files measured at over
 * 5 s first, longest first (durations in the all-projects run, 4 workers), then the rest.
 * `sequencer` is a root-only option.
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

/**
 * The projects without a global setup run as ONE vitest project: vitest hands a worker process to the
 * next file only when that file is of the same project, and otherwise starts a new process (~0.5-1 s
 * of CPU to load vitest and the sources again). As eleven projects they started about 33 worker
 * processes; as one they share four.
 */
const SHARED_WORKERS = ['packages/cli', 'packages/http', 'packages/lro', 'tools/prism', 'tools/test-server'];

/**
 * Projects run one after another on the four workers, in this order: first the two whose files mostly
 * wait (Chromium, the official SDK's real-time polls), so that waiting overlaps the CPU-bound files of
 * the big project; the quick projects last, so the run does not end on one long file.
 */
const PROJECT_ORDER = ['@azlro/browser-test', '@azlro/official-sdk-test', 'azlro', '@azlro/emulator', '@azlro/containerservice', '@azlro/cloudpartner', '@azlro/batch'];

export default defineConfig({
  test: {
    projects: [
      azlroVitestConfig({ name: 'azlro', include: SHARED_WORKERS.map((dir) => `${dir}/test/**/*.test.ts`), testTimeout: 60_000 }),
      'packages/{batch,cloudpartner,containerservice,emulator}/vitest.config.ts',
      'tools/{browser,official-sdk}/vitest.config.ts',
    ],
    maxWorkers: WORKERS,
    sequence: { sequencer: longestFirst(LONGEST_FIRST, PROJECT_ORDER) },
  },
});
