export { createClient, createConfig, withData } from './client.js';
export { registerSendCall, responseText, sendCallOf, type PipelineCall, type SendCall } from './call.js';
export { buildUrl, fillPath, serializeQuery } from './url.js';
export type { Client, ClientOptions, Config, CreateClientConfig, HeaderValues, Options, ParseAs, RequestOptions, RequestResult, TDataShape } from './types.js';
