// Cold start: import what "create the client and abort-and-wait" needs and create the client.
import { createContainerServiceClient } from '@azlro/containerservice';
import { abortLatestOperation } from '@azlro/lro';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = createContainerServiceClient({ endpoint: 'https://127.0.0.1:1', credential });
if (typeof abortLatestOperation !== 'function' || !client) process.exit(1);
