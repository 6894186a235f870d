import { azlroVitestConfig } from '../../vitest.shared.ts';

export default azlroVitestConfig();
