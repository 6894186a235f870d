// The browser (and any non-Node runtime) half of `#platform`: the browser owns proxies and
// connections, so fetch gets nothing extra. Inlined into dist/*.js (not *.node.js) by the build.
import * as azureLogger from '@azure/logger';
import type { DirectSend, TransportOptions } from './transport-options.js';

/** Extra `fetch` init for this platform: none. */
export async function platformFetchInit(_options: TransportOptions): Promise<Record<string, never>> {
  return {};
}

/** No sender of its own: the transport uses `globalThis.fetch`. */
export async function platformSend(_options: TransportOptions): Promise<DirectSend | undefined> {
  return undefined;
}

/** Turns per origin: none here (the browser queues requests for its own connections). */
export function platformGates(_options: TransportOptions): undefined {
  return undefined;
}

/**
 * The Response around a body the transport read whole: the browser's own (no BufferedResponse, whose
 * point is Node's per-call cost; it would only add to the bundle). Same status, headers and body.
 *
 * @param body - the whole body; null for none (204, 205, 304).
 */
export function platformResponse(body: ArrayBuffer | null, init: ResponseInit): Response {
  return new Response(body, init);
}

/** `@azure/logger`: imported with the module here (bundlers resolve it; there is no lazy require). */
export function azureLoggerModule(): typeof azureLogger {
  return azureLogger;
}
