// The browser (and any non-Node runtime) half of `#platform`: the browser owns proxies and
// connections, so fetch gets nothing extra. Chosen by the `imports` conditions in package.json.
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

/** `@azure/logger`: imported with the module here (bundlers resolve it; there is no lazy require). */
export function azureLoggerModule(): typeof azureLogger {
  return azureLogger;
}
