/** A sovereign or public Azure cloud: where its services live and the token scopes they accept. */
export interface AzureCloud {
  /** The name `az cloud list` uses. */
  readonly name: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
  /** Azure Resource Manager (AKS) in this cloud. */
  readonly resourceManagerEndpoint: string;
  /** The scope ARM accepts tokens for. */
  readonly resourceManagerScope: string;
  /** The host suffix of Batch accounts (`<account>.<region>.<suffix>`). */
  readonly batchHostSuffix: string;
  /** The scope the Batch data plane accepts tokens for (the double slash of the public cloud is Batch's own). */
  readonly batchScope: string;
}

/**
 * The clouds whose token scope azlro derives from an endpoint: the one table the client factories
 * and the CLI read. Source: `az cloud show -n <name>` (`endpoints.resourceManager`,
 * `endpoints.batchResourceId`, `suffixes`).
 */
export const AZURE_CLOUDS: readonly AzureCloud[] = [
  {
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com',
    resourceManagerScope: 'https://management.azure.com/.default',
    batchHostSuffix: 'batch.azure.com',
    batchScope: 'https://batch.core.windows.net//.default',
  },
  {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    resourceManagerScope: 'https://management.chinacloudapi.cn/.default',
    batchHostSuffix: 'batch.chinacloudapi.cn',
    batchScope: 'https://batch.chinacloudapi.cn/.default',
  },
  {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    resourceManagerScope: 'https://management.usgovcloudapi.net/.default',
    batchHostSuffix: 'batch.usgovcloudapi.net',
    batchScope: 'https://batch.core.usgovcloudapi.net/.default',
  },
];

const PUBLIC_CLOUD = AZURE_CLOUDS[0]!;

function hostOf(endpoint: string): string | undefined {
  return URL.canParse(endpoint) ? new URL(endpoint).hostname.toLowerCase() : undefined;
}

/**
 * The ARM token scope for `endpoint`: its cloud's when it is a known cloud's ARM endpoint (e.g.
 * `https://management.chinacloudapi.cn/` → `https://management.chinacloudapi.cn/.default`), else the
 * public cloud's (a local emulator, a proxy in front of ARM). Pass `credentialScopes` to a factory
 * for anything else (e.g. Azure Stack Hub).
 */
export function resourceManagerScopeFor(endpoint: string): string {
  const host = hostOf(endpoint);
  return AZURE_CLOUDS.find((cloud) => hostOf(cloud.resourceManagerEndpoint) === host)?.resourceManagerScope ?? PUBLIC_CLOUD.resourceManagerScope;
}

/** The Batch token scope for an account endpoint: by its host suffix, else the public cloud's. */
export function batchScopeFor(accountEndpoint: string): string {
  const host = hostOf(accountEndpoint) ?? '';
  return AZURE_CLOUDS.find((cloud) => host.endsWith(`.${cloud.batchHostSuffix}`))?.batchScope ?? PUBLIC_CLOUD.batchScope;
}
