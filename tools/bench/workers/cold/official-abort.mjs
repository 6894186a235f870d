// Cold start: the official classic client, ready for managedClusters.abortLatestOperation.
import { ContainerServiceClient } from '@azure/arm-containerservice';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = new ContainerServiceClient(credential, '00000000-0000-0000-0000-000000000000', { endpoint: 'https://127.0.0.1:1' });
if (typeof client.managedClusters.abortLatestOperation !== 'function') process.exit(1);
