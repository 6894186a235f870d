import { azlroVitestConfig } from '../../vitest.shared.ts';

// One emulator (over https, see the global setup) for the whole run; each test uses its own names.
/** Also used by the root vitest.config.ts for this package's files that read the global setup's value. */
export const options = { globalSetup: ['./test/emulator.global-setup.ts'], testTimeout: 90_000 };

export default azlroVitestConfig(options);
