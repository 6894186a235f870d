// Cold start: both official packages imported, one client of each created.
import * as containerservice from '@azure/arm-containerservice';
import * as batch from '@azure/batch';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const endpoint = 'https://127.0.0.1:1';
const clients = [
  new containerservice.ContainerServiceClient(credential, '00000000-0000-0000-0000-000000000000', { endpoint }),
  new batch.BatchServiceClient(credential, endpoint),
];
if (clients.length !== 2) process.exit(1);
