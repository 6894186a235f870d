import { azlroVitestConfig } from '../../vitest.shared.ts';

// One emulator for both files; every test uses its own cluster, command and offer names.
export default azlroVitestConfig({ globalSetup: ['./test/emulator.global-setup.ts'], testTimeout: 60_000 });
