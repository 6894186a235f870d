import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorService } from '../info.js';
import { agentPoolRoutes } from './agent-pools.js';
import { armRoutes } from './arm.js';
import { batchRoutes } from './batch.js';
import { cloudPartnerRoutes } from './cloudpartner.js';
import { runCommandRoutes } from './run-command.js';
import type { BackendContext, BackendOptions, EmulatorRequest, Reply, Route } from './types.js';

/** The stateful server behind the Prism proxies. Never exposed: its URLs must not reach clients. */
export interface Backend {
  /** `http://127.0.0.1:PORT`, the proxies' upstream. */
  readonly url: string;
  /** Tells the backend where a service is publicly reachable (its front door, before its Prism proxy). */
  setPublicOrigin(service: EmulatorService, origin: string): void;
  /** Forgets every cluster, command and offer operation. */
  reset(): void;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/** What `faults.invalidResponseBodies` sends instead of each JSON body: wrong types for every schema's fields. */
const SPEC_BREAKING_BODY = { id: 42, status: 42, code: 42, error: 'not an object', properties: 'not an object' };

async function readRequest(req: IncomingMessage): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function write(res: ServerResponse, reply: Reply): void {
  const body = reply.json === undefined ? undefined : Buffer.from(JSON.stringify(reply.json));
  res.writeHead(reply.status, {
    ...reply.headers,
    ...(body ? { 'content-type': 'application/json' } : {}),
    'content-length': String(body?.length ?? 0),
  });
  res.end(body);
}

/** Starts the backend on 127.0.0.1 with an ephemeral port. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const origins = new Map<EmulatorService, string>();
  const context: BackendContext = {
    timings: options.timings,
    batchAccounts: options.batchAccounts,
    certificatesRetired: options.certificatesRetired,
    now: options.now ?? Date.now,
    pollsUntilDone: options.pollsUntilDone,
    publicOrigin(service) {
      const origin = origins.get(service);
      if (!origin) throw new Error(`the public origin of ${service} is not known yet`);
      return origin;
    },
  };
  const arm = armRoutes(context);
  // Node pools and run command first: a command result they did not start passes on to arm's.
  const services = [agentPoolRoutes(context, arm.startAbort), runCommandRoutes(context), arm, cloudPartnerRoutes(context), batchRoutes(context)];
  const routes: Route[] = services.flatMap((service) => service.routes);
  const log = options.logger;

  async function answer(request: EmulatorRequest): Promise<Reply> {
    for (const route of routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      const reply = match ? await route.handle(request, match.slice(1)) : undefined;
      if (reply) return reply;
    }
    // Prism answers unknown routes itself; only a direct call gets here.
    return { status: 404, json: { code: 'NoRoute', message: `No route for ${request.method} ${request.path}` } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    let reply: Reply;
    try {
      reply = await answer(request);
    } catch (error) {
      log.error(`${request.method} ${request.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      reply = { status: 500, json: { error: { code: 'InternalServerError', message: 'The emulator failed to answer.' } } };
    }
    if (options.faults.invalidResponseBodies && reply.json !== undefined) reply = { ...reply, json: SPEC_BREAKING_BODY };
    // The path and status only: headers (credentials) and bodies never reach the log.
    log.info(`${request.method} ${request.path} -> ${reply.status}`);
    if (!res.destroyed) write(res, reply);
  }

  const server = createServer((req, res) => {
    res.on('error', () => {});
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setPublicOrigin: (service, origin) => void origins.set(service, origin),
    reset: () => services.forEach((service) => service.reset()),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
