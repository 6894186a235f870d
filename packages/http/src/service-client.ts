import type { PipelineFetch } from './pipeline.js';

/** What every azlro client factory returns. */
export interface ServiceClient<TService extends string, TClient> {
  /** Which service the client talks to (lets `@azlro/lro` refuse a resume token meant for another). */
  readonly service: TService;
  /** The endpoint without trailing slashes; credentials never leave its origin. */
  readonly endpoint: string;
  /** The generated client, wired to the pipeline; built on first use. */
  readonly client: TClient;
}

/** The configuration a generated hey-api `createClient` receives. */
export interface GeneratedClientConfig {
  baseUrl: string;
  fetch: PipelineFetch;
  throwOnError: true;
}

/**
 * Wires a generated client to a pipeline. The generated client is built on first use: its
 * `new Headers()` makes Node load its fetch implementation (~30 ms), which a process that only
 * parses arguments or serializes a resume token never needs.
 */
export function createServiceClient<TService extends string, TClient>(
  service: TService,
  endpoint: string,
  fetch: PipelineFetch,
  createClient: (config: GeneratedClientConfig) => TClient,
): ServiceClient<TService, TClient> {
  const baseUrl = endpoint.replace(/\/+$/, '');
  let client: TClient | undefined;
  return {
    service,
    endpoint: baseUrl,
    get client() {
      return (client ??= createClient({ baseUrl, fetch, throwOnError: true }));
    },
  };
}
