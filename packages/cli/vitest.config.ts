import { azlroVitestConfig } from '../../vitest.shared.ts';

// The CLI is tested as a real process: tests spawn dist/bin.js (the test target depends on build).
export default azlroVitestConfig({ testTimeout: 60_000 });
