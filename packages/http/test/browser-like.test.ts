import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

/** Only what a browser offers: web APIs, no `process`, no Node modules. */
const webGlobals = {
  fetch, Headers, Request, Response, AbortController, AbortSignal, URL, URLSearchParams, TextEncoder, TextDecoder,
  crypto, performance, atob, btoa, setTimeout, clearTimeout, console, DOMException,
};

describe('without Node globals (a browser-like realm)', () => {
  test('the browser bundle loads, signs with WebCrypto and sends x-ms-useragent instead of User-Agent', async () => {
    // As a browser bundler sees the package: the `browser` condition (@azure/logger's browser build,
    // `#platform` without undici), sources through @azlro/source.
    const { outputFiles, metafile } = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true, format: 'iife', globalName: 'azlroHttp', platform: 'browser', conditions: ['@azlro/source'], write: false, metafile: true,
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((file) => file.includes('platform-browser'))).toBe(true);
    expect(inputs.filter((file) => file.includes('undici') || file.includes('platform-node'))).toEqual([]);
    const context = createContext({ ...webGlobals });
    runInContext(outputFiles[0]!.text, context);
    expect(runInContext('typeof process', context)).toBe('undefined');

    server.route('POST', '/jobs/j1/terminate', { status: 202 });
    context.endpoint = server.url;
    const key = Buffer.from('browser test key').toString('base64');
    context.key = key;
    const status = (await runInContext(
      `(async () => {
        const { createPipeline, SharedKeyCredential } = azlroHttp;
        const pipeline = createPipeline({ endpoint, credential: new SharedKeyCredential('acct', key), userAgent: { packageName: 'batch', packageVersion: '1.0.0' } });
        return (await pipeline(endpoint + '/jobs/j1/terminate?timeout=30', { method: 'POST' })).status;
      })()`,
      context,
    )) as number;

    expect(status).toBe(202);
    const received = server.requests[0]!;
    expect(received.headers['x-ms-useragent']).toBe('azlro-batch/1.0.0');
    expect(received.headers['user-agent']).not.toContain('azlro');
    const { verifySharedKey } = await import('@azlro/http/internal');
    expect(await verifySharedKey(received, 'acct', key)).toBe(true);
  });
});
