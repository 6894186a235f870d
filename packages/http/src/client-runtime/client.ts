import { responseText, sendCallOf, type SendCall } from './call.js';
import type { Client, ClientOptions, Config, HeaderValues, ParseAs, RequestOptions } from './types.js';
import { buildUrl } from './url.js';

const encoder = new TextEncoder();

/** hey-api's test: `application/json…` or `…+json`, parameters aside. */
function isJson(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type.startsWith('application/json') || type.endsWith('+json');
}

/** The generated `client.gen.ts` calls this; it only copies the options. */
export function createConfig<T extends ClientOptions = ClientOptions>(override: Config<ClientOptions & T> = {}): Config<Required<ClientOptions> & T> {
  return { ...override } as Config<Required<ClientOptions> & T>;
}

/** Builds the call's own Headers from the generated function's record (undefined/null left out). */
function toHeaders(values: HeaderValues | Headers | undefined, hasBody: boolean): Headers {
  const headers = values instanceof Headers ? new Headers(values) : new Headers();
  if (values && !(values instanceof Headers)) {
    for (const name in values) {
      const value = values[name];
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
  }
  // As hey-api's fetch client: no body, no Content-Type.
  if (!hasBody) headers.delete('content-type');
  return headers;
}

/** The request of a result, built only if someone reads it: without the pipeline's headers (no credential). */
function lazyRequest(url: string, method: string, values: HeaderValues | Headers | undefined, body: string | undefined) {
  let request: Request | undefined;
  return () => (request ??= new Request(url, { method, headers: toHeaders(values, body !== undefined), body }));
}

/** Parses a 2xx body read once (see `parseAs` on {@link RequestOptions}). */
async function parse(response: Response, parseAs: ParseAs | undefined): Promise<unknown> {
  const text = await responseText(response);
  if (parseAs === 'text') return text;
  if (response.status === 204 || text === '') return {};
  const type = response.headers.get('content-type');
  if (type !== null) return isJson(type) ? JSON.parse(text) : text;
  // No type given: JSON when it parses, else the text.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Any fetch other than a pipeline: one `(url, init)` call; a non-2xx body is the error (thrown with `throwOnError`). */
function fetchSender(fetch: (input: string, init: RequestInit) => Promise<Response>): SendCall {
  return (call) => fetch(call.url, { method: call.method, headers: call.headers, body: call.body ?? null, signal: call.abortSignal ?? null });
}

/**
 * A client with hey-api's calling convention for the generated functions, sending through an
 * `@azlro/http` pipeline with no `Request` built: URL from the template (path values checked and
 * encoded as one segment each, see `fillPath`), the record of headers as one `Headers`, a JSON body
 * serialized once, the response body read once. Errors: whatever the pipeline throws (an
 * `ApiError` for a non-2xx answer); for a plain fetch, the parsed error body with `throwOnError`.
 */
export function createClient(initial: Config = {}): Client {
  let config: Config = { ...initial };
  let send: SendCall;
  const configure = () => {
    send = sendCallOf(config.fetch) ?? fetchSender(config.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  };
  configure();

  const call = async (options: RequestOptions, method: string) => {
    const url = buildUrl(options.baseUrl ?? config.baseUrl ?? '', options.url, options.path, options.query);
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const headers = toHeaders(options.headers, body !== undefined);
    const response = await send({
      method,
      url,
      headers,
      body: body === undefined ? undefined : (encoder.encode(body).buffer as ArrayBuffer),
      abortSignal: options.signal ?? undefined,
    });
    const getRequest = lazyRequest(url, method, options.headers, body);
    const result = {
      data: undefined as unknown,
      error: undefined as unknown,
      response,
      get request() {
        return getRequest();
      },
    };
    if (response.ok) {
      result.data = await parse(response, options.parseAs);
      return result;
    }
    const text = await responseText(response);
    let error: unknown = text;
    try {
      error = JSON.parse(text);
    } catch {
      // not JSON: the text is the error
    }
    if (options.throwOnError ?? config.throwOnError) throw error;
    result.error = error;
    return result;
  };
  const method = (name: string) => (options: RequestOptions) => call(options, name);

  return {
    get: method('GET'),
    post: method('POST'),
    put: method('PUT'),
    patch: method('PATCH'),
    delete: method('DELETE'),
    head: method('HEAD'),
    request: (options: RequestOptions & { method: string }) => call(options, options.method),
    buildUrl: (options) => buildUrl(options.baseUrl ?? config.baseUrl ?? '', options.url, options.path, options.query),
    getConfig: () => config,
    setConfig: (next) => {
      config = { ...config, ...next };
      configure();
      return config;
    },
  } as Client;
}

/**
 * `result` with `data` replaced, in place: a spread (`{ ...result, data }`) would read the lazy
 * `request` getter and build a `Request` per call; this keeps it lazy.
 */
export function withData<R extends { data: unknown }, D>(result: R, data: D): Omit<R, 'data'> & { data: D } {
  (result as { data: unknown }).data = data;
  return result as unknown as Omit<R, 'data'> & { data: D };
}
