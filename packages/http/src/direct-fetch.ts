import { platformSend } from '#platform';
import { neverAbortedSignal, type PipelineRequest } from './pipeline-request.js';
import type { TransportOptions } from './transport-options.js';

/**
 * A `fetch` for wrappers that must see every attempt (the CLI's traffic recorder, its `--debug`
 * log) without paying for fetch: in Node, the attempt goes to the shared dispatcher's `request`
 * for `options` (the sender the pipeline itself uses when it is given no `fetch`: proxy from the
 * environment, connection cap, no redirect followed, no `accept-encoding`); in browsers, to
 * `globalThis.fetch`. Takes what the pipeline's transport passes a custom `fetch`: a URL string
 * and an init whose `headers` is a `Headers`, `body` an ArrayBuffer or null, `signal` the
 * attempt's. Resolves to a Response whose body is already read; rejects as fetch does
 * (TypeError('fetch failed') with undici's error as `cause`).
 *
 * A Node CLI process following one operation saves the fetch machinery's load and per-call cost
 * (~50 ms of CPU on a first request on this project's machines).
 */
export function directFetch(options: TransportOptions = {}): typeof fetch {
  const sender = platformSend(options);
  sender.catch(() => {}); // surfaced by the first call
  return async (input, init) => {
    const send = await sender;
    if (!send || typeof input !== 'string' || (init?.body != null && !(init.body instanceof ArrayBuffer))) return globalThis.fetch(input, init);
    const request = {
      url: input,
      method: init?.method ?? 'GET',
      headers: init?.headers instanceof Headers ? init.headers : new Headers(init?.headers),
      body: init?.body ?? undefined,
    } as PipelineRequest;
    return send(request, init?.signal ?? neverAbortedSignal());
  };
}
