import { readFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A certificate and key in PEM, for a front door that speaks https. */
export interface EmulatorTlsOptions {
  /** The server certificate (PEM), valid for 127.0.0.1. */
  cert: string | Buffer;
  /** Its private key (PEM). */
  key: string | Buffer;
}

/**
 * The header carrying the request target exactly as the client sent it, before the front door
 * folded its case: Shared Key signs that form, so the backend verifies against it.
 */
export const ORIGINAL_TARGET_HEADER = 'x-azlro-original-target';

/** One path template of a spec, compiled for {@link canonicalPath}. */
interface PathMatcher {
  readonly pattern: RegExp;
  /** Literal pieces of the template, in order; the parameters sit between them. */
  readonly literals: readonly string[];
}

/** Characters that may reach us percent-encoded inside a literal part (Batch's `certificates(a=b,c=d)`). */
const DELIMITER = /[()=,$']/;

function literalSource(text: string): string {
  return [...text]
    .map((c) => {
      const escaped = c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      if (!DELIMITER.test(c)) return escaped;
      return `(?:${escaped}|%${c.charCodeAt(0).toString(16).padStart(2, '0')})`;
    })
    .join('');
}

/**
 * The `paths` keys of an OpenAPI YAML file (our specs write each as `  /path:` at two spaces, maybe quoted), so
 * the emulator needs no YAML parser at run time.
 */
export function specPaths(yaml: string): string[] {
  const paths: string[] = [];
  let inPaths = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) inPaths = line.startsWith('paths:');
    const match = inPaths ? /^ {2}(['"]?)(\/[^'"\s]*)\1:\s*$/.exec(line) : null;
    if (match) paths.push(match[2]!);
  }
  return paths;
}

function compile(template: string): PathMatcher {
  const literals = template.split(/\{[^}]+\}/);
  const source = literals.map(literalSource).join('([^/?#]*?)');
  return { pattern: new RegExp(`^${source}$`, 'i'), literals };
}

/**
 * Folds a request path onto the spec's spelling, the way ARM matches paths: fixed segments
 * case-insensitively (`managedClusters`, `resourcegroups`, `operationStatus`), delimiters whether
 * or not they are percent-encoded; parameters (identifiers) keep the caller's text and case.
 * A path that matches no template is returned as it is (Prism answers it 404).
 */
export function pathCanonicalizer(templates: readonly string[]): (path: string) => string {
  const matchers = templates.map(compile);
  return (path) => {
    for (const { pattern, literals } of matchers) {
      const match = pattern.exec(path);
      if (!match) continue;
      return literals.map((literal, i) => literal + (i < literals.length - 1 ? match[i + 1]! : '')).join('');
    }
    return path;
  };
}

/** Connection-level headers (RFC 9110 §7.6.1) belong to one hop: each side of the door has its own. */
function withoutHopByHop<T extends Record<string, unknown>>(headers: T): T {
  const copy = { ...headers };
  for (const name of ['connection', 'keep-alive', 'proxy-connection', 'upgrade']) delete copy[name];
  return copy;
}

/** Options of {@link startFrontDoor}. */
export interface FrontDoorOptions {
  /** The Prism proxy behind this door, `http://127.0.0.1:PORT`. */
  upstream: string;
  /** Absolute path of the spec whose path templates the door folds onto. */
  spec: string;
  /** Port on 127.0.0.1; `0` picks a free one. */
  port: number;
  /** Listen over https with this certificate. @default none (http) */
  tls?: EmulatorTlsOptions | undefined;
}

/** A running front door. */
export interface FrontDoor {
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`: the service's public origin. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The public face of one emulated service: forwards every request to its Prism proxy (which
 * validates it and the answer against the spec) after folding the path's fixed segments onto the
 * spec's spelling, since ARM matches paths case-insensitively and OpenAPI tools do not. Optionally
 * speaks https, for clients that refuse bearer tokens over http (the official Azure SDKs).
 */
export async function startFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const canonical = pathCanonicalizer(specPaths(readFileSync(options.spec, 'utf8')));
  const upstream = new URL(options.upstream);
  // A new loopback connection per request: a kept-alive one could be closed by Prism just as it is
  // reused (ECONNRESET), which a client would see as the service failing.
  const agent = new Agent({ keepAlive: false });

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const folded = canonical(path) + (queryAt < 0 ? '' : target.slice(queryAt));
    const headers = withoutHopByHop({ ...req.headers, host: upstream.host, [ORIGINAL_TARGET_HEADER]: target });
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: folded, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => {
      // Mid-answer there is no honest way to say so but to cut the connection.
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('the emulator front door could not reach its Prism proxy');
    });
    // A client that goes away mid-exchange takes its upstream request with it.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, forward)
    : createHttpServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
