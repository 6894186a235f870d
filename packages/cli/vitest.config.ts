import { mergeConfig } from 'vitest/config';
import { azlroVitestConfig } from '../../vitest.shared.ts';

// The CLI is tested as a real process: tests spawn dist/bin.js (the test target depends on build).
// Files run one after another: several of them start an emulator (three Prism processes each),
// and more than two at once on a 2-core machine starve Prism's start-up. Inside a file the
// spawns run concurrently.
export default mergeConfig(azlroVitestConfig({ testTimeout: 60_000 }), { test: { fileParallelism: false } });
