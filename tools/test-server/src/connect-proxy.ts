import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link ConnectProxy} received: a `CONNECT host:port` tunnel request or a plain forward-proxy request. */
export interface ProxiedRequest {
  /** `CONNECT` for a tunnel, else the method of a forwarded plain-http request. */
  method: string;
  /** `host:port` for CONNECT, the absolute URL for a forwarded request. */
  target: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP proxy on 127.0.0.1 that records what it is asked and refuses every tunnel (502). */
export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`, for `HTTPS_PROXY`. */
  readonly url: string;
  readonly port: number;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a proxy that answers every `CONNECT` with 502 Bad Gateway after recording it: enough to
 * prove a client went through the proxy, and what it told the proxy, without any outside network.
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', target: request.url ?? '', headers: request.headers });
    response.writeHead(502, { connection: 'close' }).end();
  });
  server.on('connect', (request, socket) => {
    requests.push({ method: 'CONNECT', target: request.url ?? '', headers: request.headers });
    socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
