import type { ClientOptions, TokenCredential } from '@azlro/http';
import { type Client, createClient, createPipeline, createServiceClient, resourceManagerScopeFor } from '@azlro/http/internal';
import { PACKAGE_VERSION } from './version.js';

/** Azure Resource Manager in the public cloud. */
export const DEFAULT_ENDPOINT = 'https://management.azure.com';
/** The token scope ARM accepts in the public cloud. */
export const DEFAULT_SCOPE = 'https://management.azure.com/.default';

/** Options for {@link createContainerServiceClient}. */
export interface ContainerServiceClientOptions extends ClientOptions {
  /**
   * Base URL of Azure Resource Manager (a sovereign cloud, or the local emulator).
   * @default 'https://management.azure.com'
   */
  endpoint?: string;
  /**
   * Microsoft Entra credential, e.g. `DefaultAzureCredential` from `@azure/identity`.
   * Without one, requests are sent unauthenticated (useful only against a local emulator).
   * @default none (requests are sent unauthenticated)
   */
  credential?: TokenCredential;
  /**
   * Token scopes requested from `credential`. By default the endpoint's cloud decides
   * (the `AZURE_CLOUDS` table of `@azlro/http`): `https://management.chinacloudapi.cn` gets
   * `https://management.chinacloudapi.cn/.default`, US Government likewise, and any other endpoint
   * the public cloud's. Set it for other clouds (e.g. Azure Stack Hub).
   * @default [resourceManagerScopeFor(endpoint)], e.g. ['https://management.azure.com/.default']
   */
  credentialScopes?: string[];
}

/** A client for the AKS operations azlro covers. Create it with {@link createContainerServiceClient}. */
export interface ContainerServiceClient {
  /** Which service this client talks to; lets `@azlro/lro` refuse a resume token meant for another. */
  readonly service: 'containerservice';
  /** The normalized endpoint every request goes to; credentials never leave its origin. */
  readonly endpoint: string;
  /** The generated hey-api client, wired to the azlro pipeline (auth, retries, errors). */
  readonly client: Client;
}

/**
 * Creates a client for the AKS managed-cluster operations. Each client has its own pipeline and
 * token cache; nothing depends on the generated module-level singleton.
 */
export function createContainerServiceClient(options: ContainerServiceClientOptions = {}): ContainerServiceClient {
  const { endpoint = DEFAULT_ENDPOINT, credentialScopes = [resourceManagerScopeFor(endpoint)], ...rest } = options;
  const fetch = createPipeline({
    ...rest,
    endpoint,
    scopes: credentialScopes,
    requestIdHeaderName: 'x-ms-client-request-id',
    userAgent: { packageName: 'containerservice', packageVersion: PACKAGE_VERSION, prefix: options.userAgentPrefix },
  });
  return createServiceClient('containerservice', endpoint, fetch, createClient);
}
