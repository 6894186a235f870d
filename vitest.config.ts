import { defineConfig } from 'vitest/config';
import { options as batch } from './packages/batch/vitest.config.ts';
import { options as cloudpartner } from './packages/cloudpartner/vitest.config.ts';
import { options as containerservice } from './packages/containerservice/vitest.config.ts';
import { options as emulator } from './packages/emulator/vitest.config.ts';
import { options as browser } from './tools/browser/vitest.config.ts';
import { options as officialSdk } from './tools/official-sdk/vitest.config.ts';
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
 * Test files that read a value their project's global setup provides (`inject`: a Prism mock's or
 * an emulator's URL, each project's own). Each runs in its own project (its vitest.config.ts, so
 * its global setup); every other test file of the workspace runs in ONE shared project. Vitest
 * hands a finished worker process the next file only when that file is of the same project, and
 * otherwise starts a new process (~0.5-1 s of CPU to load vitest and the sources again): as eleven
 * projects the suite started about 35 worker processes. A file that starts using `inject` must be added
 * here (in the shared project `inject` gives undefined, which its test then fails on).
 */
const WITH_GLOBAL_SETUP = [
  { name: '@azlro/browser-test', root: 'tools/browser', options: browser, files: ['test/browser.test.ts', 'test/recipes.test.ts'] },
  { name: '@azlro/official-sdk-test', root: 'tools/official-sdk', options: officialSdk, files: ['test/official-sdk.test.ts'] },
  {
    name: '@azlro/emulator',
    root: 'packages/emulator',
    options: emulator,
    files: ['test/agent-pools-and-run-command.test.ts', 'test/batch.test.ts', 'test/cloudpartner.test.ts', 'test/containerservice.test.ts', 'test/readme.test.ts'],
  },
  { name: '@azlro/containerservice', root: 'packages/containerservice', options: containerservice, files: ['test/contract.test.ts'] },
  { name: '@azlro/cloudpartner', root: 'packages/cloudpartner', options: cloudpartner, files: ['test/contract.test.ts'] },
  { name: '@azlro/batch', root: 'packages/batch', options: batch, files: ['test/contract.test.ts'] },
];

/**
 * Projects run one after another on the four workers, in this order: first those whose files mostly
 * wait (Chromium, the official SDK's real-time polls), so that waiting overlaps the CPU-bound files of
 * the shared project; then the shared one; the quick ones last.
 */
const PROJECT_ORDER = ['@azlro/browser-test', '@azlro/official-sdk-test', 'azlro', '@azlro/emulator', '@azlro/containerservice', '@azlro/cloudpartner', '@azlro/batch'];

export default defineConfig({
  test: {
    projects: [
      azlroVitestConfig({
        name: 'azlro',
        include: ['{packages,tools}/*/{test,src}/**/*.test.ts'], // what each package's own config includes
        exclude: WITH_GLOBAL_SETUP.flatMap(({ root, files }) => files.map((file) => `${root}/${file}`)),
        testTimeout: 60_000,
      }),
      ...WITH_GLOBAL_SETUP.map(({ name, root, options, files }) => ({ ...azlroVitestConfig({ ...options, name, include: files }), root })),
    ],
    maxWorkers: WORKERS,
    sequence: { sequencer: longestFirst(LONGEST_FIRST, PROJECT_ORDER) },
  },
});
