export { startTestServer } from './server.js';
export type { RecordedRequest, ResetOptions, RouteOptions, StartTestServerOptions, Step, StepResponse, TestServer, TimeSource } from './types.js';
export { startConnectProxy, type ConnectProxy, type ProxiedRequest } from './connect-proxy.js';
