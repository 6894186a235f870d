// The clients the runtime benchmarks compare, each on its defaults unless a benchmark says otherwise.
// Imported by bare specifier from the workspace: azlro from its built dist/ (what a user installs),
// the official SDK from node_modules. Only the requested kind is imported, so a worker holds one.
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
export const RESOURCE_GROUP = 'rg1';
export const COMMAND_ID = 'def7b3ea71bd4f7e9d226ddbc0f00ad9';
const TOKEN = 'bench-token-0123456789';

/** The same minimal TokenCredential for every client: no @azure/identity on either side. */
export const credential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Statuses whose Response must be built without a body. */

/**
 * @param {'fetch' | 'azlro' | 'official' | 'official-modular' | 'generated-only' | 'pipeline-only'} kind
 * @param {string} endpoint
 * @param {{ maxSockets?: number }} [options] bound the sockets (the scale benchmark); default: each client's own default
 */
export async function createBenchClient(kind, endpoint, { maxSockets } = {}) {
  const cluster = (name) => ({ subscriptionId: SUBSCRIPTION_ID, resourceGroupName: RESOURCE_GROUP, resourceName: name });
  if (kind === 'fetch') {
    const url = `${endpoint}/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/${COMMAND_ID}?api-version=2024-09-01`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    return {
      async getCommandResult() {
        const response = await fetch(url, { headers });
        if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
        return response.json();
      },
    };
  }
  if (kind === 'azlro') {
    const { createContainerServiceClient, getCommandResult } = await import('@azlro/containerservice');
    const { abortLatestOperation } = await import('@azlro/lro');
    // azlro's own cap: the shared undici dispatcher's connections per origin (as https.Agent maxSockets for the official SDK).
    const client = createContainerServiceClient({ endpoint, credential, ...(maxSockets ? { maxConnectionsPerOrigin: maxSockets } : {}) });
    return {
      getCommandResult: async () => (await getCommandResult(client, { ...cluster('c1'), commandId: COMMAND_ID })).data,
      abort: (name, { intervalInMs } = {}) => abortLatestOperation(client, cluster(name), intervalInMs === undefined ? {} : { intervalInMs }),
    };
  }
  const agent = maxSockets ? { agent: new (await import('node:https')).Agent({ keepAlive: true, maxSockets }) } : {};
  if (kind === 'official') {
    const { ContainerServiceClient } = await import('@azure/arm-containerservice');
    const client = new ContainerServiceClient(credential, SUBSCRIPTION_ID, { endpoint, ...agent });
    return {
      getCommandResult: () => client.managedClusters.getCommandResult(RESOURCE_GROUP, 'c1', COMMAND_ID),
      abort: (name, { intervalInMs } = {}) =>
        client.managedClusters.abortLatestOperation(RESOURCE_GROUP, name, intervalInMs === undefined ? {} : { updateIntervalInMs: intervalInMs }),
    };
  }
  if (kind === 'official-modular') {
    const { createContainerService } = await import('@azure/arm-containerservice/api');
    const { abortLatestOperation, getCommandResult } = await import('@azure/arm-containerservice/api/managedClusters');
    const context = createContainerService(credential, SUBSCRIPTION_ID, { endpoint, ...agent });
    return {
      getCommandResult: () => getCommandResult(context, RESOURCE_GROUP, 'c1', COMMAND_ID),
      abort: (name, { intervalInMs } = {}) =>
        abortLatestOperation(context, RESOURCE_GROUP, name, intervalInMs === undefined ? {} : { updateIntervalInMs: intervalInMs }),
    };
  }
  // Diagnostics for the per-call breakdown: each layer of azlro alone over plain fetch.
  if (kind === 'generated-only') {
    // The hey-api generated client on globalThis.fetch, no azlro pipeline: a client from the factory
    // whose generated client is switched back to the plain fetch (the packages ship one bundled file,
    // so the generated modules cannot be imported on their own).
    const { createContainerServiceClient, getCommandResult } = await import('@azlro/containerservice');
    const client = createContainerServiceClient({ endpoint });
    client.client.setConfig({ fetch: globalThis.fetch });
    const params = { subscriptionId: SUBSCRIPTION_ID, resourceGroupName: RESOURCE_GROUP, resourceName: 'c1', commandId: COMMAND_ID };
    const options = { headers: { authorization: `Bearer ${TOKEN}` } };
    return { getCommandResult: async () => (await getCommandResult(client, params, options)).data };
  }
  if (kind === 'pipeline-only') {
    // The azlro pipeline (@azlro/http createPipeline: request id, user agent, origin check, retry, bearer token, logging, transport) as a fetch.
    const { createPipeline } = await import('@azlro/http');
    const send = createPipeline({ endpoint, credential, scopes: ['https://management.azure.com/.default'], userAgent: { packageName: 'bench', packageVersion: '0.0.0' } });
    const url = `${endpoint}/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/${COMMAND_ID}?api-version=2024-09-01`;
    return { getCommandResult: async () => (await send(url)).json() };
  }
  throw new TypeError(`unknown client kind ${kind}`);
}
