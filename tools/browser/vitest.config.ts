import { azlroVitestConfig } from '../../vitest.shared.ts';

// One emulator for both files; every test uses its own cluster, command and offer names.
/** Also used by the root vitest.config.ts for this package's files that read the global setup's value. */
export const options = { globalSetup: ['./test/emulator.global-setup.ts'], testTimeout: 60_000 };

export default azlroVitestConfig(options);
