import { mergeConfig } from 'vitest/config';
import { azlroVitestConfig } from '../../vitest.shared.ts';
import { LongestFirst } from './test/longest-first.ts';

// The CLI is tested as a real process: tests spawn dist/bin.js (the test target depends on build).
// Most of a file's time is spent waiting for those processes and the Retry-After they honour, not
// on CPU, so two files run at once (vitest's default on 2 cores is one) and their waits overlap.
// Not more: the files that start an emulator (Prism's modules load in each process that starts one,
// ~1 s of CPU) and the fault matrix's bursts of processes compete for 2 cores. Inside a file the
// spawns run concurrently. The files' order (longest first) is in test/longest-first.ts; the root
// vitest.config.ts (every project in one vitest) uses the same order.
export default mergeConfig(azlroVitestConfig({ testTimeout: 60_000 }), { test: { maxWorkers: 2, sequence: { sequencer: LongestFirst } } });
