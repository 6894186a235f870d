import type { ClientOptions, TokenCredential } from '@azlro/http';
import { type Client, createClient, createPipeline, createServiceClient } from '@azlro/http/internal';
import { cancelOperation } from './operations.js';
import { PACKAGE_VERSION } from './version.js';

/** The Cloud Partner Portal API. */
export const DEFAULT_ENDPOINT = 'https://cloudpartner.azure.com';
/** The token scope the Cloud Partner Portal accepts. */
export const DEFAULT_SCOPE = 'https://cloudpartner.azure.com/.default';

/** Options for {@link createCloudPartnerClient}. */
export interface CloudPartnerClientOptions extends ClientOptions {
  /**
   * Base URL of the Cloud Partner Portal API (or the local emulator).
   * @default 'https://cloudpartner.azure.com'
   */
  endpoint?: string;
  /** Microsoft Entra credential, e.g. `DefaultAzureCredential` from `@azure/identity`. @default none (requests are sent unauthenticated) */
  credential?: TokenCredential;
  /**
   * Token scopes requested from `credential`.
   * @default ['https://cloudpartner.azure.com/.default']
   */
  credentialScopes?: string[];
}

/** A client for the Cloud Partner Portal. Create it with {@link createCloudPartnerClient}. */
export interface CloudPartnerClient {
  /** Which service this client talks to; lets `@azlro/lro` refuse a resume token meant for another. */
  readonly service: 'cloudpartner';
  /** The normalized endpoint every request goes to; credentials never leave its origin. */
  readonly endpoint: string;
  /** The generated hey-api client, wired to the azlro pipeline (auth, retries, errors). */
  readonly client: Client;
}

/** Creates a client for the Cloud Partner Portal API. */
export function createCloudPartnerClient(options: CloudPartnerClientOptions = {}): CloudPartnerClient {
  const { endpoint = DEFAULT_ENDPOINT, credentialScopes = [DEFAULT_SCOPE], ...rest } = options;
  const fetch = createPipeline({
    ...rest,
    endpoint,
    scopes: credentialScopes,
    requestIdHeaderName: 'x-ms-client-request-id',
    userAgent: { packageName: 'cloudpartner', packageVersion: PACKAGE_VERSION, prefix: options.userAgentPrefix },
  });
  // What @azlro/lro sends through this client (SERVICE_OPERATIONS): lro does not import this package.
  return createServiceClient('cloudpartner', endpoint, fetch, createClient, { cancelOperation });
}
