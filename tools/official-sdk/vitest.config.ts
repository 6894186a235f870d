import { azlroVitestConfig } from '../../vitest.shared.ts';

// One emulator (over https, see the global setup) for the whole run; each test uses its own names.
export default azlroVitestConfig({ globalSetup: ['./test/emulator.global-setup.ts'], testTimeout: 90_000 });
