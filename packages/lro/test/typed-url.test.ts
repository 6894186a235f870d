// Which polling URLs go through a typed operation: only those it would send again byte for byte.
import { createCloudPartnerClient } from '@azlro/cloudpartner';
import { createContainerServiceClient } from '@azlro/containerservice';
import { describe, expect, test } from 'vitest';
import { matchTemplate } from '../src/typed-url.js';

const aks = createContainerServiceClient({ endpoint: 'https://management.azure.com' });
const partner = createCloudPartnerClient();
const STATUS = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operationStatus/{operationId}';
const base = 'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operationStatus';

describe('matchTemplate', () => {
  test('the documented shape gives its path parameters and api-version', () => {
    expect(matchTemplate(aks, `${base}/op-1?api-version=2024-02-01`, STATUS)).toEqual({
      path: { subscriptionId: '00000000-0000-0000-0000-000000000000', location: 'eastus', operationId: 'op-1' },
      apiVersion: '2024-02-01',
    });
  });

  test('percent-encoding that the client reproduces is decoded', () => {
    expect(matchTemplate(aks, `${base}/op%20one?api-version=2024-02-01`, STATUS)?.path.operationId).toBe('op one');
  });

  test.each([
    ['an extra query parameter', `${base}/op-1?api-version=2024-02-01&t=1`],
    ['no api-version', `${base}/op-1`],
    ['another case', `${base.replace('Microsoft.ContainerService', 'microsoft.containerservice')}/op-1?api-version=2024-02-01`],
    ['another origin', `${base.replace('management.azure.com', 'eastus.management.azure.com')}/op-1?api-version=2024-02-01`],
    ['an extra path segment', `${base}/op-1/more?api-version=2024-02-01`],
    ['a broken escape', `${base}/op%E0?api-version=2024-02-01`],
  ])('%s: no match (sent as-is instead)', (_, url) => {
    expect(matchTemplate(aks, url, STATUS)).toBeUndefined();
  });

  test("the legacy Cloud Partner id keeps its '$' only when sent as-is (the client would send %24)", () => {
    expect(matchTemplate(partner, 'https://cloudpartner.azure.com/api/operations/contoso$offer$2$preview?api-version=2017-10-31', '/api/operations/{operationId}')).toBeUndefined();
    expect(matchTemplate(partner, 'https://cloudpartner.azure.com/api/operations/op-7?api-version=2017-10-31', '/api/operations/{operationId}')).toEqual({
      path: { operationId: 'op-7' },
      apiVersion: '2017-10-31',
    });
  });
});
