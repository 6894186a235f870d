// Cold start to the first response: import, create the official classic client, GET one command result, exit.
// Usage: node official-first-response.mjs <endpoint>
import { ContainerServiceClient } from '@azure/arm-containerservice';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = new ContainerServiceClient(credential, '00000000-0000-0000-0000-000000000000', { endpoint: process.argv[2] });
const result = await client.managedClusters.getCommandResult('rg1', 'c1', 'def7b3ea71bd4f7e9d226ddbc0f00ad9');
if (!result) process.exit(1);
// The official client keeps its keep-alive socket open; azlro's (Node's fetch) does not hold the process.
process.exit(0);
