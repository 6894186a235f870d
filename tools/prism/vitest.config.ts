import { azlroVitestConfig } from '../../vitest.shared.ts';

// The start-up allowance of the Prism tests is in the test file (it runs in the root config too).
export default azlroVitestConfig();
