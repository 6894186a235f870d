// No Node needed: the package bundles for the neutral platform (no node: imports) and runs in a
// realm that has only web APIs, polling a real loopback server and writing a resume token.
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseResumeToken } from '../src/index.js';
import { ABORT_PATH, accepted, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

/** Only what a browser offers: web APIs, no `process`, no Buffer, no Node modules. */
const webGlobals = {
  fetch, Headers, Request, Response, AbortController, AbortSignal, URL, URLSearchParams, TextEncoder, TextDecoder,
  crypto, performance, atob, btoa, setTimeout, clearTimeout, console, DOMException, Event, EventTarget,
};

test('bundles for browsers without Node built-ins and follows an abort in a browser-like realm', async () => {
  const { outputFiles } = await build({
    stdin: {
      contents: [
        "export { abortLatestOperation } from '@azlro/lro';",
        "export { createContainerServiceClient } from '@azlro/containerservice';",
        "export { StaticTokenCredential } from '@azlro/http';",
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    // As a browser bundler sees the packages: the `browser` condition (no undici, @azure/logger's browser build).
    bundle: true, format: 'iife', globalName: 'azlro', platform: 'browser', conditions: ['@azlro/source'], write: false, logLevel: 'silent',
  });
  const context = createContext({ ...webGlobals });
  runInContext(outputFiles[0]!.text, context);
  expect(runInContext('typeof process + typeof Buffer', context)).toBe('undefinedundefined');

  server.route('POST', ABORT_PATH, accepted(server));
  server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
  context.endpoint = server.url;
  const [token, state] = (await runInContext(
    `(async () => {
      const { abortLatestOperation, createContainerServiceClient, StaticTokenCredential } = azlro;
      const client = createContainerServiceClient({ endpoint, credential: new StaticTokenCredential('browser-token-123') });
      const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'clustername1' };
      const poller = abortLatestOperation(client, cluster, { intervalInMs: 5 });
      const token = await poller.serialize();
      await poller;
      return [token, poller.operationState];
    })()`,
    context,
  )) as [string, { status: string; pollCount: number }];

  expect(state).toMatchObject({ status: 'succeeded', pollCount: 2 });
  expect(parseResumeToken(token)).toMatchObject({ kind: 'containerservice.abortLatestOperation', endpoint: server.url });
  expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer browser-token-123'));
});
