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
  /** `performance.now()` when the request head arrived: monotonic milliseconds, for timing assertions. */
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
  /** Forget all routes and recorded requests. */
  reset(): void;
  /** Stop listening and destroy every connection, keep-alive ones included. */
  close(): Promise<void>;
}
