export { startTestServer } from './server.js';
export type { RecordedRequest, ResetOptions, RouteOptions, StartTestServerOptions, Step, StepResponse, TestServer, TimeSource } from './types.js';
