import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { respond } from './respond.js';
import type { RecordedRequest, RouteOptions, StartTestServerOptions, Step, StepResponse, TestServer, TimeSource } from './types.js';

interface Route {
  readonly steps: readonly Step[];
  readonly afterLast: 'repeat' | 'not-found';
  used: number;
}

const notFound = (method: string, path: string): StepResponse => ({
  status: 404,
  json: { error: { code: 'NoRoute', message: `No route for ${method} ${path}` } },
});

/** Starts a scripted HTTP/1.1 server on 127.0.0.1 with an ephemeral port. */
export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const startClock: TimeSource = options.clock ?? performance;
  let clock = startClock;
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = clock.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const path = url.split('?')[0] ?? '/';
    const recorded: RecordedRequest = {
      method, url, path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), arrivedAt,
    };
    requests.push(recorded);

    const route = routes.get(`${method.toUpperCase()} ${path}`) ?? routes.get(`${method.toUpperCase()} *`);
    let step: Step | undefined = notFound(method, path);
    if (route) {
      const index = route.used++;
      const exhausted = index >= route.steps.length;
      step = exhausted && route.afterLast === 'not-found' ? step : route.steps[Math.min(index, route.steps.length - 1)];
    }
    const answer = typeof step === 'function' ? await step(recorded) : (step ?? notFound(method, path));
    if (answer.delayInMs) await wait(answer.delayInMs);
    if (!res.destroyed) respond(res, answer);
  }

  const server = createServer((req, res) => {
    res.on('error', () => {});
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) respond(res, { status: 500, json: { error: { code: 'TestServerError', message: String(error) } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    origin,
    port,
    requests,
    route(method: string, path: string, steps: Step | readonly Step[], options: RouteOptions = {}) {
      const list = Array.isArray(steps) ? (steps as readonly Step[]) : [steps as Step];
      if (list.length === 0) throw new RangeError('steps must contain at least one step');
      routes.set(`${method.toUpperCase()} ${path}`, { steps: list, afterLast: options.afterLast ?? 'repeat', used: 0 });
    },
    reset(resetOptions = {}) {
      routes.clear();
      requests.length = 0;
      clock = resetOptions.clock ?? startClock;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
