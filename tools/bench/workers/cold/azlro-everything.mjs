// Cold start: every azlro package imported, one client of each service created.
import * as batch from '@azlro/batch';
import * as cloudpartner from '@azlro/cloudpartner';
import * as containerservice from '@azlro/containerservice';
import * as http from '@azlro/http';
import * as lro from '@azlro/lro';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const endpoint = 'https://127.0.0.1:1';
const clients = [
  containerservice.createContainerServiceClient({ endpoint, credential }),
  cloudpartner.createCloudPartnerClient({ endpoint, credential }),
  batch.createBatchClient({ endpoint, credential }),
];
if (clients.length !== 3 || !http.isApiError || !lro.restorePoller) process.exit(1);
