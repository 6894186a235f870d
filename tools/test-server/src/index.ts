export { startTestServer } from './server.js';
export type { RecordedRequest, RouteOptions, Step, StepResponse, TestServer } from './types.js';
