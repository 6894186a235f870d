import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { performance } from 'node:perf_hooks';

/**
 * The scripted AKS endpoint every runtime benchmark talks to, on 127.0.0.1 over http and https
 * (one handler behind both listeners), so azlro, raw fetch and the official SDK meet the same
 * server. It stays in the parent process: a worker's memory and CPU are its client's alone.
 *
 * - POST …/managedClusters/{name}/abort → 202 with `Azure-AsyncOperation` (…/operationStatus/{name})
 *   and `location` (…/operations/{name}), plus `Retry-After` when the script says so.
 * - GET …/operationStatus/{name} → `InProgress` (with `Retry-After`) until the operation is done, then
 *   `Succeeded`. The operation is done `(inProgress + 1) × Retry-After` after the abort arrived: a
 *   client that waits exactly what it is told sees `InProgress` `inProgress` times; an early poll
 *   sees one more `InProgress` (it learns nothing), just as from a real service.
 * - GET …/operations/{name} → 204 (the official SDK's final GET on `location`).
 * - GET …/commandResults/{id} → 200 with a small `RunCommandResult` (the per-call benchmark).
 */
const ABORT = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)\/abort$/i;
const STATUS = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/locations\/[^/]+\/operationStatus\/([^/]+)$/i;
const LOCATION = /^\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerService\/locations\/[^/]+\/operations\/([^/]+)$/i;
const COMMAND_RESULT = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+\/commandResults\/[^/]+$/i;

const COMMAND_RESULT_BODY = Buffer.from(JSON.stringify({
  id: 'def7b3ea71bd4f7e9d226ddbc0f00ad9',
  properties: {
    provisioningState: 'Succeeded', exitCode: 0, startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:05Z',
    logs: 'NAME STATUS ROLES AGE VERSION\naks-nodepool1-0 Ready agent 1d v1.29.2\n',
  },
}));

/**
 * @typedef {object} LroScript
 * @property {number} inProgress how many `InProgress` answers a client that honours `Retry-After` sees
 * @property {number} retryAfterInSeconds `Retry-After` on the 202 and on every `InProgress`
 * @property {boolean} [record] keep every request's timing in `events`, and `doneAt` @default false
 */

export async function startBenchServer({ tls }) {
  /** @type {Map<string, LroScript & { doneAt?: number, events: object[] }>} */
  const scripts = new Map();
  let defaultScript;
  /** ARM-like subscription throttling: see `setThrottle`. */
  let throttle;
  const counts = { requests: 0, byKind: { abort: 0, status: 0, location: 0, commandResult: 0, other: 0, throttled: 0 }, succeededAnswers: 0, connections: 0, maxOpen: 0 };

  /**
   * While the throttle window is open, every poll (status or location GET) gets 429
   * `SubscriptionRequestsThrottled` with `Retry-After`: the seconds left, rounded up. The window
   * opens at the first poll that arrives `fromInMs` or later after `setThrottle`.
   */
  function throttled(res, arrivedAt) {
    if (!throttle || arrivedAt < throttle.from) return false;
    throttle.until ??= arrivedAt + throttle.windowInMs;
    throttle.firstAt ??= arrivedAt;
    if (arrivedAt >= throttle.until) return false;
    counts.byKind.throttled++;
    const body = '{"error":{"code":"SubscriptionRequestsThrottled","message":"Number of read requests for subscription exceeded the limit."}}';
    const retryAfter = String(Math.max(1, Math.ceil((throttle.until - arrivedAt) / 1000)));
    res.writeHead(429, { 'content-type': 'application/json', 'content-length': body.length, 'retry-after': retryAfter }).end(body);
    return true;
  }

  function scriptFor(name) {
    let script = scripts.get(name);
    if (!script && defaultScript) {
      script = { ...defaultScript, events: [] };
      scripts.set(name, script);
    }
    return script;
  }

  /**
   * `respondingAt` is taken just before the answer is written: the client cannot have it earlier, so
   * a poll that arrives before `respondingAt + retryAfterInMs` certainly did not wait the Retry-After.
   */
  function record(script, kind, arrivedAt, retryAfterInMs) {
    if (script?.record) script.events.push({ kind, arrivedAt, respondingAt: performance.now(), retryAfterInMs });
  }

  const handler = (origin) => (req, res) => {
    const arrivedAt = performance.now();
    counts.requests++;
    req.resume();
    const query = req.url.indexOf('?');
    const path = query === -1 ? req.url : req.url.slice(0, query);
    let match;
    if (req.method === 'POST' && (match = ABORT.exec(path))) {
      counts.byKind.abort++;
      const name = decodeURIComponent(match[1]);
      const script = scriptFor(name);
      if (!script) return void res.writeHead(404, { 'content-length': 0 }).end();
      const subscription = path.split('/')[2];
      const base = `${origin}/subscriptions/${subscription}/providers/Microsoft.ContainerService/locations/eastus`;
      const headers = {
        'azure-asyncoperation': `${base}/operationStatus/${encodeURIComponent(name)}?api-version=2024-02-01`,
        location: `${base}/operations/${encodeURIComponent(name)}?api-version=2024-02-01`,
        'content-length': 0,
      };
      const retryAfterInMs = script.retryAfterInSeconds * 1000;
      headers['retry-after'] = String(script.retryAfterInSeconds);
      script.doneAt = arrivedAt + (script.inProgress + 1) * retryAfterInMs;
      record(script, 'abort', arrivedAt, retryAfterInMs);
      res.writeHead(202, headers).end();
    } else if (req.method === 'GET' && (match = STATUS.exec(path))) {
      counts.byKind.status++;
      if (throttled(res, arrivedAt)) return;
      const script = scriptFor(decodeURIComponent(match[2]));
      if (!script) return void res.writeHead(404, { 'content-length': 0 }).end();
      const running = !(arrivedAt >= script.doneAt);
      const body = running ? '{"status":"InProgress"}' : '{"status":"Succeeded"}';
      const headers = { 'content-type': 'application/json', 'content-length': body.length };
      if (running) headers['retry-after'] = String(script.retryAfterInSeconds);
      else counts.succeededAnswers++;
      record(script, running ? 'status:InProgress' : 'status:Succeeded', arrivedAt, running ? script.retryAfterInSeconds * 1000 : undefined);
      res.writeHead(200, headers).end(body);
    } else if (req.method === 'GET' && (match = LOCATION.exec(path))) {
      counts.byKind.location++;
      if (throttled(res, arrivedAt)) return;
      record(scripts.get(decodeURIComponent(match[1])), 'location', arrivedAt, undefined);
      res.writeHead(204).end();
    } else if (req.method === 'GET' && COMMAND_RESULT.test(path)) {
      counts.byKind.commandResult++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': COMMAND_RESULT_BODY.length }).end(COMMAND_RESULT_BODY);
    } else {
      counts.byKind.other++;
      res.writeHead(404, { 'content-length': 0 }).end();
    }
  };

  const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  const http = createHttpServer();
  const https = createHttpsServer({ key: tls.key, cert: tls.cert });
  const httpUrl = `http://127.0.0.1:${await listen(http)}`;
  const httpsUrl = `https://127.0.0.1:${await listen(https)}`;
  http.on('request', handler(httpUrl));
  https.on('request', handler(httpsUrl));
  let open = 0;
  const track = (socket) => {
    counts.connections++;
    counts.maxOpen = Math.max(counts.maxOpen, ++open);
    socket.once('close', () => open--);
  };
  http.on('connection', track);
  https.on('secureConnection', track);

  return {
    httpUrl,
    httpsUrl,
    counts,
    /** Scripts the abort of cluster `name`. */
    script(name, script) {
      scripts.set(name, { ...script, events: [] });
    },
    /** Every unscripted cluster name gets a fresh copy of this script (the scale benchmark). */
    setDefaultScript(script) {
      defaultScript = script;
    },
    /** What happened to cluster `name` (requests in arrival order, when it was scripted with `record`) and when it was done. */
    outcome(name) {
      const script = scripts.get(name);
      return { events: script?.events ?? [], doneAt: script?.doneAt };
    },
    /** Opens a throttle window of `windowInMs` at the first poll `fromInMs` or more from now (the throttled-fleet benchmark). */
    setThrottle({ fromInMs, windowInMs }) {
      throttle = { from: performance.now() + fromInMs, windowInMs };
    },
    /** When the throttle window opened and closed (`performance.now()`), once it has. */
    throttleWindow() {
      return throttle?.firstAt === undefined ? undefined : { from: throttle.firstAt, until: throttle.until };
    },
    reset() {
      scripts.clear();
      defaultScript = undefined;
      throttle = undefined;
      counts.requests = counts.connections = counts.succeededAnswers = 0;
      counts.maxOpen = open;
      for (const key of Object.keys(counts.byKind)) counts.byKind[key] = 0;
    },
    /** Ends idle keep-alive connections (so the next benchmark starts from none). */
    closeIdle() {
      http.closeIdleConnections();
      https.closeIdleConnections();
    },
    async close() {
      await Promise.all([http, https].map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
    },
  };
}
