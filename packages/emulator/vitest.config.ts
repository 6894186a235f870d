import { azlroVitestConfig } from '../../vitest.shared.ts';

export default azlroVitestConfig({ globalSetup: ['./test/emulator.global-setup.ts'] });
