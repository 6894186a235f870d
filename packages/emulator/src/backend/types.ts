import type { IncomingHttpHeaders } from 'node:http';
import type { AzlroLogger } from '@azlro/http';
import type { EmulatorService } from '../info.js';
import type { BatchAccount, EmulatorFaults, EmulatorTimings } from '../options.js';

/** One request as the backend received it from a Prism proxy. */
export interface EmulatorRequest {
  readonly method: string;
  /**
   * Path and query as on the request line, after the front door folded the path's fixed segments
   * onto the spec's spelling. The client's own form (what Shared Key signs) is in the
   * `x-azlro-original-target` header.
   */
  readonly url: string;
  /** The path part of `url`, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names lower-cased, as Node parses them. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What a handler answers. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as `application/json`; no body when absent. */
  json?: unknown;
}

/** What every handler may read: settings, the clock and the public origins. */
export interface BackendContext {
  readonly timings: Required<EmulatorTimings>;
  readonly batchAccounts: readonly BatchAccount[];
  readonly certificatesRetired: boolean;
  /** Milliseconds since the epoch; injectable so state machines can be tested without waiting. */
  now(): number;
  /** When set, operations end on their n-th poll instead of on time (see {@link startProgress}). */
  readonly pollsUntilDone: number | undefined;
  /**
   * The public origin of a service (its front door), for the absolute URLs the backend hands out.
   * Polling URLs must lead back through the door and Prism, never to the backend itself.
   */
  publicOrigin(service: EmulatorService): string;
}

/** One route: a method and a pattern over the raw path. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  /** The reply; `undefined` passes the request on to the next route that matches (e.g. a command result this route did not start). */
  readonly handle: (request: EmulatorRequest, params: readonly string[]) => Reply | undefined | Promise<Reply | undefined>;
}

/** Options of {@link startBackend}. */
export interface BackendOptions {
  readonly timings: Required<EmulatorTimings>;
  readonly batchAccounts: readonly BatchAccount[];
  readonly certificatesRetired: boolean;
  readonly faults: Required<EmulatorFaults>;
  readonly logger: AzlroLogger;
  /** @default Date.now */
  readonly now?: () => number;
  /** End each operation on its n-th poll instead of on time. @default undefined (on time) */
  readonly pollsUntilDone?: number | undefined;
}
