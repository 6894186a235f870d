import { expect, test } from 'vitest';
import { createServiceClient, type GeneratedClientConfig } from '@azlro/http/internal';

const fetch = async () => new Response(null, { status: 204 });

test('the generated client is built once, on first use, with the normalized endpoint and the pipeline', () => {
  const configs: GeneratedClientConfig[] = [];
  const client = createServiceClient('containerservice', 'https://management.azure.com//', fetch, (config) => {
    configs.push(config);
    return { built: configs.length };
  });
  expect(client.service).toBe('containerservice');
  expect(client.endpoint).toBe('https://management.azure.com');
  expect(configs).toHaveLength(0);
  expect(client.client).toBe(client.client);
  expect(configs).toEqual([{ baseUrl: 'https://management.azure.com', fetch, throwOnError: true }]);
});
