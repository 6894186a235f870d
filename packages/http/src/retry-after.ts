/** Server delay headers, most precise first; the first one with a valid value wins. */
const DELAY_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after'] as const;

/** Longest delay a header can express here: longer values (thousands of digits) are read as this, so a result is always finite. Callers clamp far lower. */
export const MAX_SERVER_DELAY_IN_MS = Number.MAX_SAFE_INTEGER;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/**
 * One list element of `Retry-After`, as RFC 9110 §10.2.3 allows it: delay-seconds (digits), or an
 * HTTP-date in one of the three forms of §5.6.7 (IMF-fixdate, obsolete RFC 850, asctime).
 * Sticky, so a list (`20, 20` after fetch joined a repeated header) is read element by element.
 */
const RETRY_AFTER_FORMS = [
  '(\\d+)', // delay-seconds
  `${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT`, // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  `${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT`, // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  `${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})`, // asctime: Sun Nov  6 08:49:37 1994
];
const RETRY_AFTER_ELEMENT = new RegExp(`(?:${RETRY_AFTER_FORMS.join('|')})(?=\\s*(?:,|$))`, 'y');
/** `retry-after-ms` and `x-ms-retry-after-ms` (Azure's, not RFC 9110): milliseconds, digits with an optional fraction. */
const MS_ELEMENT = /(\d+(?:\.\d+)?)(?=\s*(?:,|$))/y;

/** What {@link readRetryAfter} made of a response's delay headers. */
export interface RetryAfterReading {
  /** The delay the service asked for (0 for a date in the past), at most {@link MAX_SERVER_DELAY_IN_MS}; undefined when no header held a valid value. */
  delayInMs: number | undefined;
  /** The header the delay came from. */
  header?: (typeof DELAY_HEADERS)[number];
  /** True when that header held a list (a header sent twice): the largest valid value was taken. */
  repeated: boolean;
  /** Header values that were present but not (wholly) valid, for a log line; their valid elements still count. */
  invalid: string[];
}

function utc(year: number, month: string, day: number, h: string, m: string, s: string): number | undefined {
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  const monthIndex = MONTHS.indexOf(month);
  if (hours > 23 || minutes > 59 || seconds > 60 || day < 1) return undefined;
  const at = Date.UTC(year, monthIndex, day, hours, minutes, Math.min(seconds, 59));
  // Date.UTC rolls 31 Feb over into March: such a date is not a date.
  return new Date(at).getUTCDate() === day ? at : undefined;
}

/** The delay one valid element stands for (ms, never negative), or undefined. */
function elementDelay(match: RegExpExecArray, now: number): number | undefined {
  const g = match.slice(1);
  if (g[0] !== undefined) return Number(g[0]) * 1000;
  let at: number | undefined;
  if (g[1] !== undefined) at = utc(Number(g[3]), g[2]!, Number(g[1]), g[4]!, g[5]!, g[6]!);
  else if (g[7] !== undefined) {
    // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
    const yy = Number(g[9]);
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    at = utc(year, g[8]!, Number(g[7]), g[10]!, g[11]!, g[12]!);
  } else if (g[13] !== undefined) at = utc(Number(g[18]), g[13], Number(g[14]!.trim()), g[15]!, g[16]!, g[17]!);
  return at === undefined ? undefined : Math.max(0, at - now);
}

/**
 * Reads a comma-separated list (a header sent twice arrives joined): the delays of its valid
 * elements, and whether any element was not valid (skipped up to the next comma; an HTTP-date's
 * own comma only splits an element that was not valid anyway). Empty elements are allowed (RFC 9110 §5.6.1).
 */
function readList(value: string, element: RegExp, read: (m: RegExpExecArray) => number | undefined): { delays: number[]; skipped: boolean } {
  const delays: number[] = [];
  let skipped = false;
  let at = 0;
  const text = value.trim();
  const separator = /\s*,\s*/y;
  while (at < text.length) {
    separator.lastIndex = at;
    if (separator.exec(text)) {
      at = separator.lastIndex;
      continue;
    }
    element.lastIndex = at;
    const match = element.exec(text);
    const delay = match ? read(match) : undefined;
    if (match && delay !== undefined) {
      delays.push(delay);
      at = element.lastIndex;
      continue;
    }
    skipped = true;
    const comma = text.indexOf(',', at);
    at = comma === -1 ? text.length : comma;
  }
  return { delays, skipped };
}

/**
 * Reads the delay a response asks for: `retry-after-ms`, then `x-ms-retry-after-ms`, then
 * `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date, nothing else). The first header
 * with a valid value wins. A header sent twice arrives as a list (`20, 20`): its largest valid
 * value is taken (invalid elements are skipped and reported in `invalid`). Anything else (`-5`, `0x10`, `soon`, a malformed date) is no hint at all, never a date
 * guessed by `Date.parse`. A date in the past is a delay of 0; longer than
 * {@link MAX_SERVER_DELAY_IN_MS} is read as that.
 *
 * @param now - the current time in ms since the epoch, for HTTP-dates. @default Date.now()
 */
export function readRetryAfter(headers: Headers, now: number = Date.now()): RetryAfterReading {
  const invalid: string[] = [];
  for (const header of DELAY_HEADERS) {
    const value = headers.get(header);
    if (value === null) continue;
    const { delays, skipped } = header === 'retry-after'
      ? readList(value, RETRY_AFTER_ELEMENT, (m) => elementDelay(m, now))
      : readList(value, MS_ELEMENT, (m) => Number(m[1]));
    if (skipped || delays.length === 0) invalid.push(`${header}: ${value}`);
    if (delays.length === 0) continue;
    const delayInMs = Math.min(Math.max(...delays), MAX_SERVER_DELAY_IN_MS);
    return { delayInMs: Number.isFinite(delayInMs) ? delayInMs : MAX_SERVER_DELAY_IN_MS, header, repeated: delays.length > 1 || skipped, invalid };
  }
  return { delayInMs: undefined, repeated: false, invalid };
}

/**
 * The delay a response asks for, in ms (see {@link readRetryAfter} for what is valid), raised to
 * `minDelayInMs`: never negative, NaN or below the floor; undefined when no header holds a valid value.
 *
 * @param now - the current time in ms since the epoch, for HTTP-dates. @default Date.now()
 * @param minDelayInMs - the floor: a shorter (or zero, or past-date) delay becomes this. @default 0
 */
export function retryAfterInMs(headers: Headers, now: number = Date.now(), minDelayInMs = 0): number | undefined {
  const { delayInMs } = readRetryAfter(headers, now);
  return delayInMs === undefined ? undefined : Math.max(delayInMs, Number.isFinite(minDelayInMs) && minDelayInMs > 0 ? minDelayInMs : 0);
}

/** `retryDelayInMs * 2^retry`, times a random 0.8-1.2 so clients do not retry in lockstep, capped. */
export function exponentialDelayInMs(retry: number, retryDelayInMs: number, maxRetryDelayInMs: number): number {
  const jitter = 0.8 + Math.random() * 0.4;
  return Math.min(maxRetryDelayInMs, Math.round(retryDelayInMs * 2 ** retry * jitter));
}
