/** A `Headers` object, or Node's `IncomingHttpHeaders` (lower-case names) on the verifying side. */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** What Shared Key signs: the request as it goes on the wire. */
export interface SharedKeyRequest {
  method: string;
  /** Absolute URL, or path and query exactly as on the request line (`/jobs?api-version=...`). */
  url: string;
  headers: HeadersLike;
}

/** Standard headers in the order the Batch string-to-sign lists them. */
const SIGNED_HEADERS = [
  'content-encoding', 'content-language', 'content-length', 'content-md5', 'content-type', 'date',
  'if-modified-since', 'if-match', 'if-none-match', 'if-unmodified-since', 'range',
] as const;

function headerReader(headers: HeadersLike): { get(name: string): string; names(): string[] } {
  if (headers instanceof Headers) {
    return { get: (name) => headers.get(name) ?? '', names: () => [...headers.keys()] };
  }
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const value = (v: unknown) => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
  return { get: (name) => value(lower.get(name)), names: () => [...lower.keys()] };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `/<account><path as sent>` then `\nname:v1,v2` per query parameter (names lower-cased, sorted; values decoded, sorted). */
function canonicalizedResource(url: string, accountName: string): string {
  const target = url.startsWith('/') ? url : (({ pathname, search }) => pathname + search)(new URL(url));
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const params = new Map<string, string[]>();
  for (const pair of queryAt < 0 ? [] : target.slice(queryAt + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    params.set(name, [...(params.get(name) ?? []), eq < 0 ? '' : decode(pair.slice(eq + 1))]);
  }
  const query = [...params.keys()].sort().map((name) => `\n${name}:${params.get(name)!.sort().join(',')}`);
  return `/${accountName}${path}${query.join('')}`;
}

/** The Azure Batch Shared Key string-to-sign for `request`: pure, so a server can verify with it too. */
export function stringToSign(request: SharedKeyRequest, accountName: string): string {
  const headers = headerReader(request.headers);
  const standard = SIGNED_HEADERS.map((name) => `${headers.get(name)}\n`).join('');
  const ocp = headers.names().filter((name) => name.startsWith('ocp-')).sort()
    .map((name) => `${name}:${headers.get(name).trim()}\n`).join('');
  return `${request.method.toUpperCase()}\n${standard}${ocp}${canonicalizedResource(request.url, accountName)}`;
}
