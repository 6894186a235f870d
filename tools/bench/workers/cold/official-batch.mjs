// Cold start: @azure/batch, ready for certificate.cancelDeletion.
import { BatchServiceClient } from '@azure/batch';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = new BatchServiceClient(credential, 'https://127.0.0.1:1');
if (typeof client.certificate.cancelDeletion !== 'function') process.exit(1);
