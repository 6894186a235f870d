// The types the generated `sdk.gen.ts` / `client.gen.ts` import from `@azlro/http/internal` (the
// `@azlro/hey-api-client` plugin in tools/codegen), shaped like hey-api 0.95's fetch client types
// so the generated functions type-check unchanged, minus what azlro never uses (SSE, interceptors,
// serializer options, `responseStyle`).

/** Header values a call may pass; `undefined`/`null` ones are left out. */
export type HeaderValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Options a client is created with (the generated `ClientOptions` narrows `baseUrl`). */
export interface ClientOptions {
  baseUrl?: string;
  throwOnError?: boolean;
}

/** A client's configuration: where requests go and what sends them. */
export interface Config<T extends ClientOptions = ClientOptions> {
  /** Prepended to every operation's path; no trailing slash. @default '' */
  baseUrl?: T['baseUrl'];
  /**
   * What sends each request. An `@azlro/http` pipeline (createPipeline) is driven directly, with no
   * `Request` built; any other fetch gets `(url, init)`. @default globalThis.fetch
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Throw the error body of a non-2xx answer instead of returning it (a pipeline always throws an ApiError). @default false */
  throwOnError?: T['throwOnError'];
}

/** How the body of a 2xx answer is returned. */
export type ParseAs = 'auto' | 'json' | 'text';

/** One operation call, as a generated function hands it to the client. */
export interface RequestOptions<ThrowOnError extends boolean = boolean, Url extends string = string> {
  /** The path template (`/a/{name}`), or, without `path`, the path (or a full URL with `baseUrl: ''`) as it is. */
  url: Url;
  /** Overrides the client's `baseUrl`. */
  baseUrl?: string;
  /** Values for the template's `{name}` segments; each is encoded as exactly one segment. */
  path?: Record<string, unknown>;
  /** Query parameters: primitives, arrays (repeated, `form` style) or objects (`deepObject` style). */
  query?: Record<string, unknown>;
  headers?: HeaderValues | Headers;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  signal?: AbortSignal | null;
  /**
   * `text`: the body as it came (a string); `json`/`auto`: parsed JSON when the content type is JSON
   * or absent, an empty body (or 204) as `{}` (as hey-api's fetch client), other types as text. @default 'auto'
   */
  parseAs?: ParseAs;
  throwOnError?: ThrowOnError;
  /** The spec's security requirements; ignored: the pipeline authenticates every request. */
  security?: ReadonlyArray<unknown>;
  /** Anything a caller carries along; ignored. */
  meta?: Record<string, unknown>;
}

type Picked<T> = T extends Record<string, unknown> ? T[keyof T] : T;

/** What a call resolves with (hey-api's `fields` style). `request` is built only when read. */
export type RequestResult<TData = unknown, TError = unknown, ThrowOnError extends boolean = boolean> = ThrowOnError extends true
  ? Promise<{
      /** The parsed body: JSON parsed, an empty body or 204 as `{}`, other content types as text (see `parseAs`). */
      data: Picked<TData>;
      /** The request's method, URL and the caller's headers, built only when read; without the pipeline's headers (no credential). */
      request: Request;
      /** The final response, body already read; its headers carry `Location`, `Azure-AsyncOperation`, `Retry-After`, request ids. */
      response: Response;
    }>
  : Promise<({ data: Picked<TData>; error: undefined } | { data: undefined; error: Picked<TError> }) & { request: Request; response: Response }>;

// NoInfer: TData/TError come from the generated call's type arguments (or default to unknown),
// never from a cast of the result, as with hey-api's client (whose deferred conditional type blocks that).
type MethodFn = <TData = unknown, TError = unknown, ThrowOnError extends boolean = false>(
  options: RequestOptions<ThrowOnError>,
) => RequestResult<NoInfer<TData>, NoInfer<TError>, ThrowOnError>;

/** The client the generated functions call. */
export interface Client {
  /** Sends a GET (see `RequestOptions`); a pipeline `fetch` throws `ApiError` on a non-2xx answer. */
  get: MethodFn;
  /** Sends a POST. */
  post: MethodFn;
  /** Sends a PUT. */
  put: MethodFn;
  /** Sends a PATCH. */
  patch: MethodFn;
  /** Sends a DELETE. */
  delete: MethodFn;
  /** Sends a HEAD. */
  head: MethodFn;
  /** Sends a request with any `method`. */
  request: <TData = unknown, TError = unknown, ThrowOnError extends boolean = false>(
    options: RequestOptions<ThrowOnError> & { method: string },
  ) => RequestResult<NoInfer<TData>, NoInfer<TError>, ThrowOnError>;
  /** The URL a call would go to (path parameters checked and encoded, query serialized). */
  buildUrl: (options: { url: string; baseUrl?: string; path?: Record<string, unknown>; query?: Record<string, unknown> }) => string;
  /** The client's current settings (`baseUrl`, `fetch`, `throwOnError`…). */
  getConfig: () => Config;
  /** Merges `config` into the client's settings and returns the result. */
  setConfig: (config: Config) => Config;
}

/** The shape of an operation's generated `…Data` type. */
export interface TDataShape {
  body?: unknown;
  headers?: unknown;
  path?: unknown;
  query?: unknown;
  url: string;
}

/** An operation's options: its `…Data` (path, query, headers, body) plus the per-call settings. */
export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, _TResponse = unknown> = Omit<
  RequestOptions<ThrowOnError>,
  'body' | 'path' | 'query' | 'url' | 'headers'
> &
  ([TData] extends [never] ? unknown : Omit<TData, 'url'>) & { headers?: HeaderValues };

/** The type of a generated `createClientConfig` hook (kept for the generated `client.gen.ts`). */
export type CreateClientConfig<T extends ClientOptions = ClientOptions> = (override?: Config<ClientOptions & T>) => Config<Required<ClientOptions> & T>;
