export { startPrism } from './start-prism.js';
export type { RunningPrism, StartPrismOptions } from './start-prism.js';
export { prismGlobalSetup, specPath, type ProvidingProject } from './global-setup.js';
export { documentedResponses } from './documented-responses.js';
export type { DocumentedResponse } from './documented-responses.js';
