/** Shows a rejected value in a message without letting a huge one flood it. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Throws a TypeError naming `name` unless `value` is a string. */
export function assertString(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string; got ${value === null ? 'null' : typeof value}`);
}

/** Throws (TypeError / RangeError naming `name`) unless `value` is a string matching `pattern`. */
export function assertPattern(name: string, value: unknown, pattern: RegExp, description: string): asserts value is string {
  assertString(name, value);
  pattern.lastIndex = 0;
  if (!pattern.test(value)) throw new RangeError(`${name} must be ${description}; got ${show(value)}`);
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Throws unless `value` is a UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, any case). */
export function assertUuid(name: string, value: unknown): asserts value is string {
  assertPattern(name, value, UUID, 'a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');
}

/** Bounds of {@link assertLength}. */
export interface LengthBounds {
  /** @default 0 */
  min?: number;
  /** @default Infinity */
  max?: number;
}

/** Throws unless `value` is a string whose length (UTF-16 code units) is within the bounds. */
export function assertLength(name: string, value: unknown, { min = 0, max = Infinity }: LengthBounds): asserts value is string {
  assertString(name, value);
  if (value.length < min || value.length > max) {
    const range = max === Infinity ? `at least ${min}` : `${min}-${max}`;
    throw new RangeError(`${name} must be ${range} characters long; got ${value.length}`);
  }
}

/** A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws URIError). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Throws unless `value` can be one URL path segment: a non-empty, well-formed string that is not
 * `.` or `..` (URL parsing removes those segments, even percent-encoded).
 */
export function assertPathSegment(name: string, value: unknown): asserts value is string {
  assertString(name, value);
  if (value === '') throw new RangeError(`${name} must not be empty`);
  if (value === '.' || value === '..') throw new RangeError(`${name} must not be ${show(value)}: URLs drop such path segments`);
  if (LONE_SURROGATE.test(value)) throw new RangeError(`${name} must be well-formed Unicode (it contains a lone surrogate)`);
}
