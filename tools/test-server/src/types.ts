import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** One request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as sent on the request line (still percent-encoded). */
  readonly url: string;
  /** The path part of `url`, still percent-encoded; routes match on this. */
  readonly path: string;
  /** Header names lower-cased, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The request body decoded as UTF-8 ('' when none). */
  readonly body: string;
  /**
   * When the request head arrived, on the server's clock: `performance.now()` by default, or the
   * `now()` of the clock a test gave (a ManualClock), so arrivals read in the test's own time.
   */
  readonly arrivedAt: number;
}

/** What the server does for one request. */
export interface StepResponse {
  /** @default 200 */
  status?: number;
  /** Response headers; `content-length` is set for you. @default none */
  headers?: OutgoingHttpHeaders;
  /** Sent as JSON with `content-type: application/json`. @default none */
  json?: unknown;
  /** Sent as-is; ignored when `json` is given. @default empty */
  body?: string | Uint8Array;
  /** Wait this long after the request arrived before answering (or dropping). @default 0 */
  delayInMs?: number;
  /**
   * Destroy the connection instead of answering: `'before-headers'` sends nothing,
   * `'mid-body'` sends the head and half the body (Content-Length promises all of it).
   * @default none (answer normally)
   */
  drop?: 'before-headers' | 'mid-body';
  /** Send the JSON body cut short, still labelled `application/json`. @default false */
  malformedJson?: boolean;
}

/** A scripted answer, or a function that computes one from the request. */
export type Step = StepResponse | ((request: RecordedRequest) => StepResponse | Promise<StepResponse>);

/** Options of {@link TestServer.route}. */
export interface RouteOptions {
  /** What happens once the sequence is used up: repeat the last step, or answer 404. @default 'repeat' */
  afterLast?: 'repeat' | 'not-found';
}

/** Anything with a monotonic `now()` in milliseconds: `performance`, a `Clock` of `@azlro/http`, a ManualClock. */
export interface TimeSource {
  now(): number;
}

/** Options of {@link startTestServer}. */
export interface StartTestServerOptions {
  /** What `arrivedAt` is read from. @default performance (real time) */
  clock?: TimeSource;
}

/** Options of {@link TestServer.reset}. */
export interface ResetOptions {
  /** The clock `arrivedAt` is read from until the next reset. @default the clock the server started with */
  clock?: TimeSource;
}

/** A running server; see {@link startTestServer}. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Script `method path` (pathname only, query ignored); replaces an earlier route for the same pair.
   * The path `*` catches every path of that method that has no route of its own.
   */
  route(method: string, path: string, steps: Step | readonly Step[], options?: RouteOptions): void;
  /** Forget all routes and recorded requests; from now on read arrival times from `options.clock`. */
  reset(options?: ResetOptions): void;
  /** Stop listening and destroy every connection, keep-alive ones included. */
  close(): Promise<void>;
}
