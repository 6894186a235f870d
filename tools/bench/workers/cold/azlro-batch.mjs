// Cold start: import what Batch "cancel certificate deletion" needs and create the client.
import { createBatchClient } from '@azlro/batch';
import { cancelCertificateDeletion } from '@azlro/lro';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = createBatchClient({ endpoint: 'https://127.0.0.1:1', credential });
if (typeof cancelCertificateDeletion !== 'function' || !client) process.exit(1);
