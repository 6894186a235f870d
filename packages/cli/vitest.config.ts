import { mergeConfig } from 'vitest/config';
import { azlroVitestConfig, longestFirst, WORKERS } from '../../vitest.shared.ts';

// The CLI is tested as a real process: tests spawn dist/bin.js (the test target depends on build-js).
// Most of a file's time is spent waiting for those processes and the Retry-After they honour, not
// on CPU, so several files run at once (vitest's default on 2 cores is one) and their waits overlap.
// Inside a file the spawns run concurrently.
//
// The order when this project runs alone (`nx run @azlro/cli:test`; `npm test` uses the root
// config's): the files that take longest first (measured: demo ~30 s, fault matrix ~30 s, ...), so
// the workers end together. The demo starts its own emulator (the tests give the CLI a 10-minute
// start-up limit, AZLRO_EMULATOR_START_TIMEOUT_MS); the quick in-process files run beside its start-up.
const LONGEST_FIRST = [
  'demo',
  'fault-matrix',
  'emulator-command',
  'test-server',
  'emulator',
  'az-conventions',
  'throttling-and-blame',
  'ecosystem',
  'nodepool-and-invoke',
  'command-invoke-emulator',
].map((name) => `/packages/cli/test/${name}.test.ts`);

export default mergeConfig(azlroVitestConfig({ testTimeout: 60_000 }), { test: { maxWorkers: WORKERS, sequence: { sequencer: longestFirst(LONGEST_FIRST) } } });
