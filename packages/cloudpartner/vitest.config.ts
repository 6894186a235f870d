import { azlroVitestConfig } from '../../vitest.shared.ts';

export default azlroVitestConfig({ globalSetup: ['./test/prism.global-setup.ts'] });
