// Cold start to the first response: import, create the AKS client, GET one command result, exit.
// Usage: node azlro-first-response.mjs <endpoint>
import { createContainerServiceClient, getCommandResult } from '@azlro/containerservice';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = createContainerServiceClient({ endpoint: process.argv[2], credential });
const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'c1' };
const { data } = await getCommandResult(client, { ...cluster, commandId: 'def7b3ea71bd4f7e9d226ddbc0f00ad9' });
if (!data) process.exit(1);
