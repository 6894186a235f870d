import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { startEmulator } from '@azlro/emulator';
import { sendAbortLatestOperation, createContainerServiceClient } from '@azlro/containerservice';
import { StaticTokenCredential } from '@azlro/http';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The README's script example, verbatim between the markers (type-checked; not run, to spare a fourth start-up). */
export async function readmeExample() {
  // snippet:start
  const emulator = await startEmulator({ timings: { abortInMs: 1_000 } });
  try {
    const { info } = emulator;
    const client = createContainerServiceClient({
      endpoint: emulator.endpoints.arm,
      credential: new StaticTokenCredential('any-token'), // any bearer token is accepted
    });
    const { response } = await sendAbortLatestOperation(client, {
      subscriptionId: info.subscriptionId,
      resourceGroupName: info.resourceGroupName,
      resourceName: info.clusters.abortAccepted,
    });
    console.log(response.status, response.headers.get('azure-asyncoperation')); // 202 http://127.0.0.1:…/locations/eastus/operations/…
  } finally {
    await emulator.close();
  }
  // snippet:end
}

// test:start
test('a cluster named idle-… has nothing to abort', async () => {
  const { endpoints, subscriptionId, resourceGroupName, clusters } = inject('emulator');
  const client = createContainerServiceClient({ endpoint: endpoints.arm, credential: new StaticTokenCredential('t') });
  const { response } = await sendAbortLatestOperation(client, { subscriptionId, resourceGroupName, resourceName: clusters.nothingToAbort });
  expect(response.status).toBe(204);
});
// test:end

function between(source: string, start: string, end: string, indent = ''): string {
  const body = source.split(`${indent}// ${start}\n`)[1]!.split(`${indent}// ${end}`)[0]!;
  return body.split('\n').map((line) => line.slice(indent.length)).join('\n').trimEnd();
}

const self = readFileSync(new URL(import.meta.url), 'utf8');

test('the README shows the script example as this file has it', () => {
  expect(readme).toContain(between(self, 'snippet:start', 'snippet:end', '  '));
});

test('the README shows the test example as this file runs it', () => {
  expect(readme).toContain(between(self, 'test:start', 'test:end'));
});

test('the README shows the vitest globalSetup exactly as this package uses it', () => {
  const setup = readFileSync(new URL('./emulator.global-setup.ts', import.meta.url), 'utf8').trimEnd();
  expect(readme).toContain(setup);
});
