import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A loopback server with the page and its bundle; see {@link servePage}. */
export interface ServedPage {
  /** `http://127.0.0.1:<port>/`: the page, on an origin of its own (the emulator is cross-origin). */
  readonly url: string;
  /** Size of the bundled entry, in bytes. */
  readonly bundleBytes: number;
  close(): Promise<void>;
}

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>azlro</title></head>
<body><script type="module" src="/entry.js"></script></body>
</html>
`;

/**
 * Bundles `src/page/entry.ts` for the browser (workspace packages from their TypeScript source) and
 * serves it with a tiny HTML page from 127.0.0.1 on a free port. A bundle that pulls in a Node
 * built-in fails here, before any browser starts.
 */
export async function bundlePage(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('./page/entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@azlro/source'],
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

/** Serves the page and its bundle; everything else is 404. */
export async function servePage(): Promise<ServedPage> {
  const bundle = await bundlePage();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'GET' && path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(HTML);
    } else if (request.method === 'GET' && path === '/entry.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(bundle);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bundleBytes: Buffer.byteLength(bundle),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
