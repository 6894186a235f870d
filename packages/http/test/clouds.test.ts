// The one table of clouds: token scopes follow the endpoint for the public, China and US Government clouds.
import { describe, expect, test } from 'vitest';
import { AZURE_CLOUDS } from '@azlro/http';
import { batchScopeFor, resourceManagerScopeFor } from '@azlro/http/internal';

describe('resourceManagerScopeFor', () => {
  test.each([
    ['https://management.azure.com', 'https://management.azure.com/.default'],
    ['https://management.chinacloudapi.cn/', 'https://management.chinacloudapi.cn/.default'],
    ['https://MANAGEMENT.usgovcloudapi.net', 'https://management.usgovcloudapi.net/.default'],
    // Anything else (the emulator, a gateway) keeps the public cloud's scope; credentialScopes overrides.
    ['http://127.0.0.1:4010', 'https://management.azure.com/.default'],
    ['not a url', 'https://management.azure.com/.default'],
  ])('%s → %s', (endpoint, scope) => expect(resourceManagerScopeFor(endpoint)).toBe(scope));
});

describe('batchScopeFor', () => {
  test.each([
    ['https://acct.westeurope.batch.azure.com', 'https://batch.core.windows.net//.default'],
    ['https://acct.chinaeast2.batch.chinacloudapi.cn', 'https://batch.chinacloudapi.cn/.default'],
    ['https://acct.usgovvirginia.batch.usgovcloudapi.net', 'https://batch.core.usgovcloudapi.net/.default'],
    ['http://127.0.0.1:4012', 'https://batch.core.windows.net//.default'],
  ])('%s → %s', (endpoint, scope) => expect(batchScopeFor(endpoint)).toBe(scope));
});

test('the table names the three clouds', () => {
  expect(AZURE_CLOUDS.map((cloud) => cloud.name)).toEqual(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
});
