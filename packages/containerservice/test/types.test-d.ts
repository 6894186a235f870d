import { DefaultAzureCredential } from '@azure/identity';
import { StaticTokenCredential } from '@azlro/http';
import { assertType, expectTypeOf, test } from 'vitest';
import { createContainerServiceClient, getCommandResult, type ContainerServiceClient, type RunCommandResult } from '../src/index.js';

test('DefaultAzureCredential and StaticTokenCredential are accepted credentials', () => {
  assertType<ContainerServiceClient>(createContainerServiceClient({ credential: new DefaultAzureCredential() }));
  assertType<ContainerServiceClient>(createContainerServiceClient({ credential: new StaticTokenCredential('t') }));
  // @ts-expect-error a Batch Shared Key is not an ARM credential
  createContainerServiceClient({ credential: { sign: async () => {} } });
});

test('callers never type api-version, and a command result is typed', () => {
  const client = createContainerServiceClient();
  const params = { subscriptionId: 's', resourceGroupName: 'rg', resourceName: 'n', commandId: 'c' };
  expectTypeOf(getCommandResult(client, params)).resolves.toHaveProperty('data').toEqualTypeOf<RunCommandResult | undefined>();
  // @ts-expect-error there is no api-version parameter to pass
  getCommandResult(client, { ...params, 'api-version': '2024-09-01' }, { apiVersion: '2024-09-01' });
});
