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
 * The key under which a client carries the send functions of its service that `@azlro/lro` calls
 * (`createServiceClient`'s `operations`). lro reaches `@azlro/batch` and `@azlro/cloudpartner`
 * through their clients instead of importing them, so importing `@azlro/lro` to follow an AKS
 * operation does not load those two packages (cold import, issue 14): whoever made a Batch client
 * has already loaded `@azlro/batch`. `Symbol.for`, so two copies of `@azlro/http` in one process
 * agree on it. Not enumerable on the client: `console.log(client)` and spreads leave it out.
 */
export const SERVICE_OPERATIONS: unique symbol = Symbol.for('@azlro/http.serviceOperations');

/**
 * Wires a generated client to a pipeline. The generated client is built on first use: its
 * `new Headers()` makes Node load its fetch implementation (~30 ms), which a process that only
 * parses arguments or serializes a resume token never needs. `operations`, when given, is carried
 * under {@link SERVICE_OPERATIONS}.
 */
export function createServiceClient<TService extends string, TClient>(
  service: TService,
  endpoint: string,
  fetch: PipelineFetch,
  createClient: (config: GeneratedClientConfig) => TClient,
  operations?: object,
): ServiceClient<TService, TClient> {
  const baseUrl = endpoint.replace(/\/+$/, '');
  let client: TClient | undefined;
  const serviceClient = {
    service,
    endpoint: baseUrl,
    get client() {
      return (client ??= createClient({ baseUrl, fetch, throwOnError: true }));
    },
  };
  return operations === undefined ? serviceClient : Object.defineProperty(serviceClient, SERVICE_OPERATIONS, { value: operations });
}
