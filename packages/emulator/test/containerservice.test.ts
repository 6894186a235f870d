import { afterEach, describe, expect, inject, test } from 'vitest';
import { isApiError, isConflictError, isNotFoundError, StaticTokenCredential } from '@azlro/http';
import {
  sendAbortLatestOperation,
  createContainerServiceClient,
  getCommandResult,
  type OperationStatusResult,
} from '@azlro/containerservice';
import { createStrictFetch, getOperationResult, getOperationStatus, operationParams, POLLS_UNTIL_DONE, readTimes, unique } from './helpers.js';

const info = inject('emulator');
const arm = info.endpoints.arm;
const { subscriptionId, resourceGroupName } = info;
const strict = createStrictFetch();
const client = createContainerServiceClient({
  endpoint: arm,
  credential: new StaticTokenCredential('any-token-works'),
  fetch: strict.fetch,
  retryOptions: { maxRetries: 0 },
});
const bearer = { authorization: 'Bearer any-token-works' };

afterEach(() => {
  expect(strict.flagged).toEqual([]);
});

const clusterUrl = (name: string, managedClusters = 'managedclusters') =>
  `${arm}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ContainerService/${managedClusters}/${name}`;
const cluster = (resourceName: string) => ({ subscriptionId, resourceGroupName, resourceName });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describe.concurrent('abort latest operation', () => {
  test('202 with absolute polling URLs on the ARM origin; InProgress with growing percentComplete, then Succeeded and 204', async () => {
    const { response } = await sendAbortLatestOperation(client, cluster(unique('aks')));
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('1');
    const statusUrl = response.headers.get('azure-asyncoperation')!;
    const resultUrl = response.headers.get('location')!;
    for (const url of [statusUrl, resultUrl]) {
      expect(new URL(url).origin).toBe(arm);
      // The service's own version for its polling resources, not the originating call's.
      expect(new URL(url).searchParams.get('api-version')).toBe('2017-08-31');
    }
    // The forms the real service hands out (RBAC locations/operations/read, locations/operationresults/read).
    expect(new URL(statusUrl).pathname).toMatch(/\/locations\/eastus\/operations\/[0-9a-f-]{36}$/);
    expect(new URL(resultUrl).pathname).toMatch(/\/locations\/eastus\/operationresults\/[0-9a-f-]{36}$/);
    const operation = operationParams(statusUrl);
    expect(operationParams(resultUrl)).toEqual(operation);

    // Status and result URLs count as polls of one operation: it ends on the 4th read of either.
    const first = await getOperationStatus(client, operation);
    expect(first.data).toMatchObject({ status: 'InProgress', name: operation.operationId, percentComplete: 25 });
    expect(first.response.headers.get('retry-after')).toBe('1');
    const running = await getOperationResult(client, operation);
    expect(running.response.status).toBe(202);
    expect(running.response.headers.get('location')).toBe(resultUrl);
    expect(running.response.headers.get('retry-after')).toBe('1');

    const [third, fourth] = (await readTimes(2, () => getOperationStatus(client, operation))).map((r) => r.data as OperationStatusResult);
    expect(third).toMatchObject({ status: 'InProgress', percentComplete: 75 });
    expect(third).not.toHaveProperty('endTime');
    expect(fourth).toMatchObject({ status: 'Succeeded', percentComplete: 100, endTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(Date.parse(fourth!.endTime!)).toBeGreaterThanOrEqual(Date.parse(fourth!.startTime!));
    expect((await getOperationResult(client, operation)).response.status).toBe(204);
  });

  test('plain fetch: the same flow, following the header URLs verbatim', async () => {
    const abort = await fetch(`${clusterUrl(unique('aks'))}/abort?api-version=2024-02-01`, { method: 'POST', headers: bearer });
    expect(abort.status).toBe(202);
    expect(abort.headers.get('sl-violations')).toBeNull();
    const statusUrl = abort.headers.get('azure-asyncoperation')!;
    const resultUrl = abort.headers.get('location')!;
    expect(await (await fetch(statusUrl, { headers: bearer })).json()).toMatchObject({ status: 'InProgress' });
    const results = await readTimes(POLLS_UNTIL_DONE - 1, async () => (await fetch(resultUrl, { headers: bearer })).status);
    expect(results).toEqual([202, 202, 204]); // polls 2, 3 and 4
    expect((await fetch(resultUrl, { headers: bearer })).status).toBe(204);
    expect(await (await fetch(statusUrl, { headers: bearer })).json()).toMatchObject({ status: 'Succeeded' });
  });

  test('an abort repeated while canceling answers the same operation; once canceled, another abort is 409', async () => {
    const name = unique('aks');
    const first = await sendAbortLatestOperation(client, cluster(name));
    const again = await sendAbortLatestOperation(client, cluster(name));
    expect(again.response.status).toBe(202);
    expect(again.response.headers.get('azure-asyncoperation')).toBe(first.response.headers.get('azure-asyncoperation'));
    const operation = operationParams(first.response.headers.get('azure-asyncoperation')!);
    const results = await readTimes(POLLS_UNTIL_DONE, async () => (await getOperationResult(client, operation)).response.status);
    expect(results).toEqual([202, 202, 202, 204]); // the repeated abort did not count as a poll
    const error = await rejection(sendAbortLatestOperation(client, cluster(name)));
    expect(isConflictError(error) && error.code).toBe('OperationNotAllowed');
  });

  test(`a cluster named ${info.clusters.nothingToAbort} has nothing running: 204`, async () => {
    const { response } = await sendAbortLatestOperation(client, cluster(info.clusters.nothingToAbort));
    expect(response.status).toBe(204);
    expect(response.headers.get('azure-asyncoperation')).toBeNull();
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test(`a cluster named ${info.clusters.abortConflict} finished first: 409 OperationNotAllowed, every time`, async () => {
    for (let i = 0; i < 2; i++) {
      const error = await rejection(sendAbortLatestOperation(client, cluster(info.clusters.abortConflict)));
      expect(isConflictError(error)).toBe(true);
      expect(isApiError(error) && [error.code, error.requestId]).toEqual(['OperationNotAllowed', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    }
  });

  test(`a cluster named ${info.clusters.notFound}: 404 ResourceNotFound`, async () => {
    const error = await rejection(sendAbortLatestOperation(client, cluster(info.clusters.notFound)));
    expect(isNotFoundError(error) && error.code).toBe('ResourceNotFound');
  });

  test('an unknown operation id: 404 on both polling resources', async () => {
    const operation = { subscriptionId, location: 'eastus', operationId: '11111111-1111-1111-1111-111111111111' };
    expect(isNotFoundError(await rejection(getOperationStatus(client, operation)))).toBe(true);
    expect(isNotFoundError(await rejection(getOperationResult(client, operation)))).toBe(true);
  });

  test('a caller correlation id is echoed, as ARM does', async () => {
    const correlation = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
    const { response } = await sendAbortLatestOperation(client, cluster(info.clusters.nothingToAbort), {
      headers: { 'x-ms-correlation-request-id': correlation },
    });
    expect(response.headers.get('x-ms-correlation-request-id')).toBe(correlation);
  });
});

describe.concurrent('command results', () => {
  test('202 + Location (itself) + Retry-After while running, then 200 succeeded with exit code 0', async () => {
    const params = { ...cluster(info.clusters.abortAccepted), commandId: unique('cmd') };
    const first = await getCommandResult(client, params);
    expect(first.response.status).toBe(202);
    expect(first.data).toBeUndefined();
    // The service's form: lower-case `resourcegroups` (RunCommandResultSucceed.json), identifiers as sent.
    expect(first.response.headers.get('location')).toBe(first.request.url.replace('/resourceGroups/', '/resourcegroups/'));
    expect(new URL(first.response.headers.get('location')!).origin).toBe(arm);
    expect(first.response.headers.get('retry-after')).toBe('1');
    const polls = await readTimes(POLLS_UNTIL_DONE, () => getCommandResult(client, params));
    expect(polls.map((p) => p.response.status)).toEqual([202, 202, 202, 200]);
    const done = polls.at(-1)!;
    expect(done.data).toEqual({
      id: params.commandId,
      properties: {
        provisioningState: 'succeeded',
        exitCode: 0,
        startedAt: expect.stringMatching(/Z$/),
        finishedAt: expect.stringMatching(/Z$/),
        logs: expect.stringContaining(params.commandId),
      },
    });
    const { startedAt, finishedAt } = done.data!.properties!;
    expect(Date.parse(finishedAt!)).toBeGreaterThanOrEqual(Date.parse(startedAt!));
  });

  test(`a command id starting with "fail" ends failed with a reason`, async () => {
    const params = { ...cluster(info.clusters.abortAccepted), commandId: unique('fail') };
    expect((await getCommandResult(client, params)).response.status).toBe(202);
    const done = (await readTimes(POLLS_UNTIL_DONE, () => getCommandResult(client, params))).at(-1)!;
    expect(done.response.status).toBe(200);
    expect(done.data?.properties).toMatchObject({ provisioningState: 'failed', reason: 'ImagePullBackoff' });
  });

  test('the result stays available once finished, and plain fetch sees the same', async () => {
    const url = `${clusterUrl(info.clusters.abortAccepted, 'managedClusters')}/commandResults/${unique('cmd')}?api-version=2024-09-01`;
    const first = await fetch(url, { headers: bearer });
    const location = url.replace('/resourceGroups/', '/resourcegroups/');
    expect([first.status, first.headers.get('location')]).toEqual([202, location]);
    // Prism alone would 404 this form; the front door folds it, as ARM does.
    expect((await fetch(location, { headers: bearer })).status).toBe(202); // poll 1
    const statuses = await readTimes(POLLS_UNTIL_DONE - 1, async () => (await fetch(url, { headers: bearer })).status);
    expect(statuses).toEqual([202, 202, 200]); // polls 2, 3 and 4: either form reads the same command
    for (let i = 0; i < 2; i++) {
      const done = await fetch(url, { headers: bearer });
      expect(done.status).toBe(200);
      expect(await done.json()).toMatchObject({ properties: { provisioningState: 'succeeded' } });
    }
  });

  test(`a cluster named ${info.clusters.notFound}: 404 ResourceNotFound`, async () => {
    const error = await rejection(getCommandResult(client, { ...cluster(info.clusters.notFound), commandId: 'x1' }));
    expect(isNotFoundError(error) && error.code).toBe('ResourceNotFound');
  });
});

describe('ARM behaviour users rely on', () => {
  const armPath = (name: string) =>
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ContainerService/managedclusters/${name}`;

  test.each([
    ['managedClusters (as @azure/arm-containerservice writes it)', (p: string) => p.replace('/managedclusters/', '/managedClusters/')],
    ['resourcegroups (as the service writes it)', (p: string) => p.replace('/resourceGroups/', '/resourcegroups/')],
    ['every fixed segment upper-cased', (p: string) => p.replace(/\/(subscriptions|resourceGroups|providers|Microsoft\.ContainerService|managedclusters)\//g, (m) => m.toUpperCase()).replace('/abort', '/ABORT')],
  ])('paths match case-insensitively: %s', async (_, spell) => {
    const name = unique('Aks-Case');
    const response = await fetch(`${arm}${spell(`${armPath(name)}/abort`)}?api-version=2024-02-01`, { method: 'POST', headers: bearer });
    expect(response.status).toBe(202);
    // The identifier kept the caller's case: a second abort in another case is the same cluster's.
    const again = await fetch(`${arm}${armPath(name.toLowerCase())}/abort?api-version=2024-02-01`, { method: 'POST', headers: bearer });
    expect(again.headers.get('azure-asyncoperation')).toBe(response.headers.get('azure-asyncoperation'));
  });

  test('an identifier keeps its case through the fold (the 404 names the cluster as sent)', async () => {
    const name = `${info.clusters.notFound}-MixedCase`;
    const response = await fetch(`${arm}${armPath(name).replace('/managedclusters/', '/MANAGEDCLUSTERS/')}/commandResults/c1?api-version=2024-09-01`, { headers: bearer });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(name);
  });

  test.each(['2026-06-01', '2024-02-01', '2019-08-01'])('any api-version a client sends is accepted: %s', async (version) => {
    const response = await fetch(`${arm}${armPath(unique('aks'))}/abort?api-version=${version}`, { method: 'POST', headers: bearer });
    expect(response.status).toBe(202);
  });

  test.each(['résumé-rg', '日本', 'rg_(1)'])('a Unicode resource group %s is accepted; with a trailing period it is not', async (group) => {
    const response = await sendAbortLatestOperation(client, { ...cluster(unique('aks')), resourceGroupName: group });
    expect(response.response.status).toBe(202);
    const path = armPath('aks1').replace(`/resourceGroups/${resourceGroupName}/`, `/resourceGroups/${encodeURIComponent(`${group}.`)}/`);
    expect((await fetch(`${arm}${path}/abort?api-version=2024-02-01`, { method: 'POST', headers: bearer })).status).toBe(422);
  });

  test('the Abort page\'s operationStatus form is an alias of the status resource', async () => {
    const accepted = await fetch(`${arm}${armPath(unique('aks'))}/abort?api-version=2024-02-01`, { method: 'POST', headers: bearer });
    const statusUrl = accepted.headers.get('azure-asyncoperation')!;
    const alias = statusUrl.replace('/operations/', '/operationStatus/').replace('2017-08-31', '2024-02-01');
    const [real, page] = await Promise.all([statusUrl, alias].map(async (url) => (await fetch(url, { headers: bearer })).json()));
    expect(page).toMatchObject({ name: (real as { name: string }).name, status: 'InProgress' });
  });
});

describe('authentication', () => {
  const anonymous = createContainerServiceClient({ endpoint: arm, fetch: strict.fetch, retryOptions: { maxRetries: 0 } });

  test('no token: 401 with a WWW-Authenticate challenge (Prism answers it, from the spec\'s security scheme)', async () => {
    const error = await rejection(sendAbortLatestOperation(anonymous, cluster(unique('aks'))));
    expect(isApiError(error) && error.kind).toBe('unauthorized');
    const response = await fetch(`${clusterUrl('aks-demo')}/abort?api-version=2024-02-01`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('OAuth2'); // Prism names the spec's oauth2 scheme
    const empty = await fetch(`${clusterUrl('aks-demo')}/abort?api-version=2024-02-01`, { method: 'POST', headers: { authorization: 'Bearer ' } });
    expect(empty.status).toBe(401);
  });

  test('no token on the polling resources and command results: 401', async () => {
    const operation = { subscriptionId, location: 'eastus', operationId: '11111111-1111-1111-1111-111111111111' };
    for (const call of [
      () => getOperationStatus(anonymous, operation),
      () => getOperationResult(anonymous, operation),
      () => getCommandResult(anonymous, { ...cluster('aks-demo'), commandId: 'c1' }),
    ]) {
      const error = await rejection(call());
      expect(isApiError(error) && error.status).toBe(401);
    }
  });
});
