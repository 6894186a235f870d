import type { ClientOptions, SharedKeyCredential, TokenCredential } from '@azlro/http';
import { batchScopeFor, type Client, createClient, createPipeline, createServiceClient } from '@azlro/http/internal';
import { sendCancelCertificateDeletion } from './operations.js';
import { PACKAGE_VERSION } from './version.js';

/** The token scope the Batch data plane accepts (the double slash is Batch's own). */
export const DEFAULT_SCOPE = 'https://batch.core.windows.net//.default';

/** Options for {@link createBatchClient}. */
export interface BatchClientOptions extends ClientOptions {
  /** The Batch account's own URL, e.g. `https://myaccount.westeurope.batch.azure.com`. Required: Batch has no global endpoint. */
  endpoint: string;
  /**
   * A Microsoft Entra `TokenCredential` (e.g. `DefaultAzureCredential`), or a
   * `SharedKeyCredential` from the account name and key.
   * @default none (requests are sent unauthenticated)
   */
  credential?: TokenCredential | SharedKeyCredential;
  /**
   * Token scopes requested from a `TokenCredential`. By default the account endpoint's cloud decides
   * (the `AZURE_CLOUDS` table of `@azlro/http`): `*.batch.chinacloudapi.cn` and `*.batch.usgovcloudapi.net`
   * get their cloud's scope, any other endpoint the public cloud's.
   * @default [batchScopeFor(endpoint)], e.g. ['https://batch.core.windows.net//.default']
   */
  credentialScopes?: string[];
  /**
   * Ask the service to echo `client-request-id` in its response (`return-client-request-id`).
   * @default true
   */
  returnClientRequestId?: boolean;
}

/** A client for an Azure Batch account's data plane. Create it with {@link createBatchClient}. */
export interface BatchClient {
  /** Which service this client talks to; lets `@azlro/lro` refuse a resume token meant for another. */
  readonly service: 'batch';
  /** The normalized account URL every request goes to; credentials never leave its origin. */
  readonly endpoint: string;
  /** The generated hey-api client, wired to the azlro pipeline (auth, retries, errors). */
  readonly client: Client;
}

/** Creates a client for a Batch account's data plane. */
export function createBatchClient(options: BatchClientOptions): BatchClient {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createBatchClient: `options` must be an object with an `endpoint` (the Batch account URL)');
  }
  const { endpoint, credentialScopes = [typeof endpoint === 'string' ? batchScopeFor(endpoint) : DEFAULT_SCOPE], returnClientRequestId = true, ...rest } = options;
  if (typeof endpoint !== 'string' || endpoint === '') {
    throw new TypeError('createBatchClient: `endpoint` is required: the Batch account URL, e.g. https://myaccount.westeurope.batch.azure.com');
  }
  const fetch = createPipeline({
    ...rest,
    endpoint,
    scopes: credentialScopes,
    requestIdHeaderName: 'client-request-id',
    returnClientRequestId,
    userAgent: { packageName: 'batch', packageVersion: PACKAGE_VERSION, prefix: options.userAgentPrefix },
  });
  // What @azlro/lro sends through this client (SERVICE_OPERATIONS): lro does not import this package.
  return createServiceClient('batch', endpoint, fetch, createClient, { sendCancelCertificateDeletion });
}
