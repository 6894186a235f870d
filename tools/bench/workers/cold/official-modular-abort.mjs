// Cold start: the official package's modular API (subpath exports), ready for abortLatestOperation.
import { createContainerService } from '@azure/arm-containerservice/api';
import { abortLatestOperation } from '@azure/arm-containerservice/api/managedClusters';

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const context = createContainerService(credential, '00000000-0000-0000-0000-000000000000', { endpoint: 'https://127.0.0.1:1' });
if (typeof abortLatestOperation !== 'function' || !context) process.exit(1);
