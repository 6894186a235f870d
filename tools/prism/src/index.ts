// The launcher itself lives in the published @azlro/emulator (tools depend on packages, never the
// reverse); this package adds what only our tests need.
export { startPrism, type RunningPrism, type StartPrismOptions } from '@azlro/emulator';
export { prismGlobalSetup, specPath, TEST_PRISM_START_TIMEOUT_IN_MS, type ProvidingProject } from './global-setup.js';
export { documentedResponses } from './documented-responses.js';
export type { DocumentedResponse } from './documented-responses.js';
export { contractCoverage, contractCredential, expectApiError, prefer, violations } from './contract.js';
