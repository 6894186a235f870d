import { encodePathSegment } from '../validators/encode-path-segment.js';

/** A path template split once: literal text at even indexes, parameter names at odd ones. */
type CompiledTemplate = readonly string[];

/** Each template is split on its first use; a client has a handful, so the cache stays small. */
const templates = new Map<string, CompiledTemplate>();

/** Splits `/a/{x}/b` into `['/a/', 'x', '/b']` with indexOf (no regex), once per template. */
function compile(template: string): CompiledTemplate {
  let compiled = templates.get(template);
  if (compiled) return compiled;
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf('{', from);
    const close = open < 0 ? -1 : template.indexOf('}', open);
    if (close < 0) break;
    parts.push(template.slice(from, open), template.slice(open + 1, close));
    from = close + 1;
  }
  parts.push(template.slice(from));
  compiled = parts;
  templates.set(template, compiled);
  return compiled;
}

/**
 * Fills a path template. Each value becomes exactly one segment, with `encodePathSegment`'s rules
 * (RangeError/TypeError naming the parameter for `''`, `.`, `..`, a lone surrogate or a non-string;
 * `/ ? # ! ' ( ) *` percent-encoded), so a value can never change the path's shape (the OData keys of
 * Batch, `certificates(thumbprintAlgorithm=…,thumbprint=…)`, included).
 */
export function fillPath(template: string, path: Record<string, unknown>): string {
  const parts = compile(template);
  let url = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    url += encodePathSegment(path[name] as string, name) + parts[i + 1]!;
  }
  return url;
}

/** `name=value` pairs: primitives once, arrays repeated (`form`, exploded), objects as `name[key]=value` (`deepObject`). */
export function serializeQuery(query: Record<string, unknown>): string {
  let search = '';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) {
      for (const item of value) search += `&${key}=${encodeURIComponent(String(item))}`;
    } else if (typeof value === 'object') {
      for (const [field, item] of Object.entries(value)) {
        if (item !== undefined && item !== null) search += `&${key}%5B${encodeURIComponent(field)}%5D=${encodeURIComponent(String(item))}`;
      }
    } else {
      search += `&${key}=${encodeURIComponent(String(value))}`;
    }
  }
  return search.slice(1);
}

/** `baseUrl + path (template filled when `path` is given) + ?query`, as hey-api's fetch client builds it. */
export function buildUrl(baseUrl: string, url: string, path: Record<string, unknown> | undefined, query: Record<string, unknown> | undefined): string {
  const search = query ? serializeQuery(query) : '';
  const full = baseUrl + (path ? fillPath(url, path) : url);
  return search ? `${full}?${search}` : full;
}
