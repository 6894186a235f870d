import { azlroVitestConfig } from '../../vitest.shared.ts';

/** Also used by the root vitest.config.ts for this package's files that read the global setup's value. */
export const options = { globalSetup: ['./test/prism.global-setup.ts'] };

export default azlroVitestConfig(options);
