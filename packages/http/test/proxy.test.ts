// Proxies and the shared dispatcher, through a real CONNECT proxy and real servers on loopback.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, test } from 'vitest';
import { startConnectProxy, startTestServer, type ConnectProxy, type TestServer } from '@azlro/test-server';
import { createPipeline, DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, isApiError, NetworkError, StaticTokenCredential } from '@azlro/http';
import { userAgent } from './helpers.js';

const run = promisify(execFile);
const TOKEN = 'eyJ0eXAiOiJKV1Qi.proxy-test-token.c2lnbmF0dXJl';
let proxy: ConnectProxy | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  proxy = server = undefined;
});

/** This package's source bundled into one ESM module (dependencies left as imports), to run in a fresh Node process. */
async function bundledSource(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'node',
    conditions: ['@azlro/source'], packages: 'external', write: false,
  });
  return outputFiles[0]!.text;
}

describe('proxyOptions', () => {
  test('an https endpoint is reached through CONNECT to the proxy, which sees no credential', async () => {
    proxy = await startConnectProxy();
    const send = createPipeline({
      endpoint: 'https://management.azure.com', credential: new StaticTokenCredential(TOKEN), scopes: 's/.default', userAgent,
      proxyOptions: { host: '127.0.0.1', port: proxy.port }, retryOptions: { maxRetries: 0 },
    });
    const error = await send('https://management.azure.com/subscriptions?api-version=2022-12-01').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toEqual(['CONNECT management.azure.com:443']);
    expect(proxy.requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(proxy.requests)).not.toContain('proxy-test-token');
  });

  test('proxy credentials go to the proxy as Proxy-Authorization; loopback endpoints never use the proxy', async () => {
    proxy = await startConnectProxy();
    server = await startTestServer();
    server.route('GET', '/x', { json: { ok: true } });
    const proxyOptions = { host: 'http://127.0.0.1', port: proxy.port, username: 'me', password: 'p@ss' };
    const direct = createPipeline({ endpoint: server.url, userAgent, proxyOptions });
    expect((await direct(`${server.url}/x`)).status).toBe(200);
    expect(proxy.requests).toEqual([]);
    const viaProxy = createPipeline({ endpoint: 'https://example.invalid', userAgent, proxyOptions, retryOptions: { maxRetries: 0 } });
    await viaProxy('https://example.invalid/').catch(() => {});
    expect(proxy.requests[0]!.target).toBe('example.invalid:443');
    expect(proxy.requests[0]!.headers['proxy-authorization']).toBe(`Basic ${Buffer.from('me:p@ss').toString('base64')}`);
  });

  test('refuses a malformed proxy before sending anything', () => {
    const base = { endpoint: 'https://management.azure.com', userAgent };
    expect(() => createPipeline({ ...base, proxyOptions: { host: '', port: 8080 } })).toThrow(TypeError);
    expect(() => createPipeline({ ...base, proxyOptions: { host: 'proxy', port: 0 } })).toThrow(RangeError);
    expect(() => createPipeline({ ...base, maxConnectionsPerOrigin: 0 })).toThrow(RangeError);
    // A number (or an object) would be sent as its text.
    expect(() => createPipeline({ ...base, proxyOptions: { host: 'proxy', port: 8080, username: 5 as unknown as string } })).toThrow(/^proxyOptions\.username must be a string/);
    expect(() => createPipeline({ ...base, proxyOptions: { host: 'proxy', port: 8080, username: 'me', password: 5 as unknown as string } })).toThrow(/^proxyOptions\.password must be a string/);
  });
});

describe('environment', () => {
  test('HTTPS_PROXY is honoured by default (a fresh process), NO_PROXY exempts a host', async () => {
    proxy = await startConnectProxy();
    const script = `${await bundledSource()}
      const send = (host) => createPipeline({ endpoint: 'https://' + host, userAgent: { packageName: 't', packageVersion: '1' }, retryOptions: { maxRetries: 0 } })('https://' + host + '/').catch((e) => e);
      await send('management.azure.com');
      await send('skip.invalid');`;
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?|no|all)_proxy$/i.test(name)));
    await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...env, HTTPS_PROXY: proxy.url, NO_PROXY: 'skip.invalid' },
    });
    expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toEqual(['CONNECT management.azure.com:443']);
  }, 20_000);
});

describe("Node's global dispatcher", () => {
  test('is left alone: plain fetch in the same process behaves as before azlro was used', async () => {
    const script = `${await bundledSource()}
      import { createServer as __server } from 'node:http';
      const server = __server((q, r) => r.end('ok')).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const url = 'http://127.0.0.1:' + server.address().port + '/';
      await createPipeline({ endpoint: url, userAgent: { packageName: 't', packageVersion: '1' } })(url);
      const { Agent } = await import('undici');
      const global = globalThis[Symbol.for('undici.globalDispatcher.1')];
      // Node's own fetch accepts a Content-Length set by hand (undici 7's Agent would refuse it as a duplicate).
      const plain = await fetch(url, { method: 'POST', headers: { 'content-length': '0' } });
      console.log(JSON.stringify({ undiciAgentIsGlobal: global instanceof Agent, plain: plain.status }));
      server.close();`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(JSON.parse(stdout)).toEqual({ undiciAgentIsGlobal: false, plain: 200 });
  }, 20_000);
});

describe('cold start', () => {
  test('@azure/logger is not imported with the package: the first logger use loads it', async () => {
    const source = await bundledSource();
    expect(source).not.toMatch(/^import\b[^;]*["']@azure\/logger["']/m);
  });

  test("Node's own fetch is not loaded by importing the package or creating a pipeline", async () => {
    // Touching the global Response (e.g. a class extending it at import) makes Node load its fetch
    // implementation, ~35 ms of a cold start; bufferedResponse defines its class on first use.
    const script = `${await bundledSource()}
      const fetchLoaded = () => process.moduleLoadList.includes('NativeModule internal/deps/undici/undici');
      createPipeline({ endpoint: 'http://127.0.0.1:9/', userAgent: { packageName: 't', packageVersion: '1' } });
      await new Promise((r) => setTimeout(r, 10));
      console.log(JSON.stringify({ fetchLoaded: fetchLoaded() }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(JSON.parse(stdout)).toEqual({ fetchLoaded: false });
  }, 20_000);

  test('undici loads with the first request, not on import or when a pipeline is created', async () => {
    const script = `${await bundledSource()}
      import { createRequire as __require } from 'node:module';
      import { createServer as __server } from 'node:http';
      const undiciModules = () => Object.keys(__require(import.meta.url).cache).filter((file) => file.includes('/undici/')).length;
      const server = __server((q, r) => r.end('ok')).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const url = 'http://127.0.0.1:' + server.address().port + '/';
      const send = createPipeline({ endpoint: url, userAgent: { packageName: 't', packageVersion: '1' } });
      await new Promise((r) => setTimeout(r, 10));
      const beforeRequest = undiciModules();
      const status = (await send(url)).status;
      console.log(JSON.stringify({ beforeRequest, afterRequest: undiciModules() > 0, status }));
      server.close();`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(JSON.parse(stdout)).toEqual({ beforeRequest: 0, afterRequest: true, status: 200 });
  }, 20_000);
});

describe('connections per origin', () => {
  /** A server that answers after `delayInMs` and counts the sockets it was opened and the requests it got. */
  async function countingServer(delayInMs: number): Promise<{ url: string; sockets: () => number; requests: () => number; close: () => Promise<void> }> {
    let sockets = 0;
    let requests = 0;
    const http: Server = createServer((_request, response) => (requests++, setTimeout(() => response.end('{}'), delayInMs)));
    http.on('connection', () => sockets++);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    return { url, sockets: () => sockets, requests: () => requests, close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))) };
  }

  test('a request waiting for a connection is not timed out: tryTimeoutInMs starts when it gets its turn', async () => {
    // One connection, each answer 1.2 s late, 2 s per attempt, no retry: the third request waits
    // ~2.4 s for the connection, which would exceed its 2 s if the limit started when it was sent.
    const slow = await countingServer(1200);
    try {
      const send = createPipeline({ endpoint: slow.url, userAgent, maxConnectionsPerOrigin: 1, tryTimeoutInMs: 2000, retryOptions: { maxRetries: 0 } });
      const statuses = await Promise.all(Array.from({ length: 3 }, () => send(`${slow.url}/x`).then((r) => r.status)));
      expect(statuses).toEqual([200, 200, 200]);
      expect([slow.sockets(), slow.requests()]).toEqual([1, 3]);
    } finally {
      await slow.close();
    }
  }, 20_000);

  test('a caller that aborts while waiting for its turn gets its own reason; nothing is sent for it and the next in line goes', async () => {
    const origin = await countingServer(300);
    try {
      const send = createPipeline({ endpoint: origin.url, userAgent, maxConnectionsPerOrigin: 1 });
      const controller = new AbortController();
      const first = send(`${origin.url}/x`);
      const waiting = send(`${origin.url}/x`, { signal: controller.signal }).catch((e: unknown) => e);
      const third = send(`${origin.url}/x`);
      const reason = new Error('called off');
      controller.abort(reason);
      expect(await waiting).toBe(reason);
      expect([(await first).status, (await third).status]).toEqual([200, 200]);
      expect(origin.requests()).toBe(2);
    } finally {
      await origin.close();
    }
  });

  test('maxConnectionsPerOrigin caps the sockets one origin gets; every request still completes', async () => {
    const capped = await countingServer(200);
    const uncapped = await countingServer(200);
    try {
      const two = createPipeline({ endpoint: capped.url, userAgent, maxConnectionsPerOrigin: 2 });
      const many = createPipeline({ endpoint: uncapped.url, userAgent, maxConnectionsPerOrigin: 64 });
      const statuses = await Promise.all(Array.from({ length: 6 }, () => two(`${capped.url}/x`).then((r) => r.status)));
      await Promise.all(Array.from({ length: 6 }, () => many(`${uncapped.url}/x`)));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect(capped.sockets()).toBe(2);
      // The same burst without the cap opens a socket per request: the cap is what made the difference.
      expect(uncapped.sockets()).toBe(6);
    } finally {
      await Promise.all([capped.close(), uncapped.close()]);
    }
  });

  test('by default one dispatcher per process, capped at 16 per origin, serves every pipeline', async () => {
    const origin = await countingServer(300);
    try {
      const first = createPipeline({ endpoint: origin.url, userAgent });
      const second = createPipeline({ endpoint: origin.url, userAgent });
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second)(`${origin.url}/x`)));
      expect(origin.sockets()).toBe(DEFAULT_MAX_CONNECTIONS_PER_ORIGIN);
      expect(DEFAULT_MAX_CONNECTIONS_PER_ORIGIN).toBe(16);
    } finally {
      await origin.close();
    }
  });

  test('an error still reads as an ApiError through the dispatcher', async () => {
    server = await startTestServer();
    server.route('GET', '/missing', { status: 404, json: { error: { code: 'NotFound', message: 'gone' } } });
    const error = await createPipeline({ endpoint: server.url, userAgent })(`${server.url}/missing`).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.statusCode, error.code]).toEqual([404, 404, 'NotFound']);
  });
});
