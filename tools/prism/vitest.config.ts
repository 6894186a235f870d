import { azlroVitestConfig } from '../../vitest.shared.ts';

// Each test starts Prism (two at once in one test): on a busy CI machine that alone has taken
// over 15 s, so the tests get the start-up allowance of TEST_PRISM_START_TIMEOUT_IN_MS and more.
export default azlroVitestConfig({ testTimeout: 150_000 });
