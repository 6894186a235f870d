// Retry-After is read as RFC 9110 §10.2.3 allows (delay-seconds or an HTTP-date) and nothing else:
// issue 10 item 1 (garbage read as dates by Date.parse, no ceiling) and issue 16 item 3 (a header sent twice).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_SERVER_DELAY_IN_MS, readRetryAfter, retryAfterInMs } from '../src/retry-after.js';

const now = Date.parse('Thu, 29 Feb 2024 10:00:00 GMT');
const read = (value: string, header = 'retry-after') => readRetryAfter(new Headers({ [header]: value }), now);

describe('readRetryAfter: the valid forms', () => {
  test.each([
    ['0', 0],
    ['3', 3000],
    ['007', 7000],
    ['Thu, 29 Feb 2024 10:00:07 GMT', 7000], // IMF-fixdate
    ['Thursday, 29-Feb-24 10:00:07 GMT', 7000], // obsolete RFC 850
    ['Thu Feb 29 10:00:07 2024', 7000], // asctime
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0], // in the past: "now", which the poller turns into its floor
    [' 5 ', 5000],
  ])('%j -> %d ms', (value, expected) => {
    expect(read(value)).toEqual({ delayInMs: expected, header: 'retry-after', repeated: false, invalid: [] });
  });

  test.each([
    ['20, 20', 20_000],
    ['81,120', 120_000],
    ['Thu, 29 Feb 2024 10:00:07 GMT, 3', 7000],
    ['3, Thu, 29 Feb 2024 10:00:09 GMT', 9000],
  ])('a header sent twice (%j) waits for the largest value, and says it was repeated', (value, expected) => {
    expect(read(value)).toMatchObject({ delayInMs: expected, repeated: true });
  });

  test.each([
    ['20, soon', 20_000, true],
    ['-5, 7', 7000, true],
    ['Wed, 21 Oct 2015 07:28:00 UTC, 4', 4000, true], // the broken date is skipped, its comma and all
    ['20,,20', 20_000, false], // empty list elements are allowed (RFC 9110 §5.6.1)
    [',20', 20_000, false],
  ])('a list with invalid or empty elements (%j) takes its largest valid one', (value, expected, reported) => {
    const reading = read(value);
    expect(reading.delayInMs).toBe(expected);
    expect(reading.invalid).toEqual(reported ? [`retry-after: ${value}`] : []);
  });

  test('a huge value is finite and capped, never Infinity', () => {
    expect(read('3000000').delayInMs).toBe(3_000_000_000); // ~35 days: exact here; the poller cuts it to maxIntervalInMs
    expect(read('9'.repeat(400)).delayInMs).toBe(MAX_SERVER_DELAY_IN_MS);
  });
});

describe('readRetryAfter: everything else is no hint', () => {
  test.each([
    '-5', '-1', '1.5', '+3', '0x10', '1e3', 'soon', '', 'Infinity', 'NaN', '5 s', '2001-01-01',
    'Thu, 31 Feb 2024 10:00:07 GMT', // no such day
    'Thu, 29 Feb 2024 25:00:07 GMT', // no such hour
    'Thu, 29 Feb 2024 10:00:07 UTC', // not GMT
    '2024-02-29T10:00:07Z', // ISO 8601 is not an HTTP-date (Date.parse reads it)
    ', ,', 'soon, later',
  ])('%j -> undefined', (value) => {
    const reading = read(value);
    expect(reading.delayInMs).toBeUndefined();
    expect(reading.invalid).toEqual([`retry-after: ${value.trim()}`]);
  });

  test('an invalid header falls through to the next one; the ms headers come first', () => {
    const headers = new Headers({ 'retry-after-ms': 'soon', 'x-ms-retry-after-ms': '6', 'retry-after': '7' });
    expect(readRetryAfter(headers, now)).toEqual({ delayInMs: 6, header: 'x-ms-retry-after-ms', repeated: false, invalid: ['retry-after-ms: soon'] });
    expect(retryAfterInMs(new Headers({ 'retry-after-ms': '-250' }), now)).toBeUndefined();
  });
});

describe('retryAfterInMs: properties', () => {
  const headerNames = fc.constantFrom('retry-after', 'retry-after-ms', 'x-ms-retry-after-ms');
  // Header values cannot hold CR, LF or NUL; anything else printable or not is fair.
  const headerValue = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[\r\n\0]/g, ' ')).filter((s) => {
    try {
      new Headers({ x: s });
      return true;
    } catch {
      return false;
    }
  });
  const lists = fc.array(fc.oneof(fc.integer({ min: -1e6, max: 1e12 }).map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString())), { minLength: 1, maxLength: 4 }).map((a) => a.join(', '));

  test('never negative, NaN, infinite or below the floor, for any string', () => {
    fc.assert(
      fc.property(headerNames, fc.oneof(headerValue, lists), fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 4e12 }), (name, value, floor, at) => {
        const delay = retryAfterInMs(new Headers({ [name]: value }), at, floor);
        if (delay === undefined) return;
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(floor);
        expect(delay).toBeLessThanOrEqual(Math.max(floor, MAX_SERVER_DELAY_IN_MS));
      }),
      { numRuns: 2000 },
    );
  });

  test('anything that is not digits or an HTTP-date gives no hint (Date.parse is never consulted)', () => {
    fc.assert(
      fc.property(headerValue.filter((s) => !/^\s*\d+\s*$/.test(s) && !/GMT|\d{4}\s*$/.test(s)), (value) => {
        expect(readRetryAfter(new Headers({ 'retry-after': value }), now).delayInMs).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  test('delay-seconds are exact; dates are their distance from now, or 0 once past', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -1e9, max: 1e9 }), (seconds, offsetMs) => {
        expect(read(String(seconds)).delayInMs).toBe(seconds * 1000);
        const at = Math.floor((now + offsetMs) / 1000) * 1000;
        expect(read(new Date(at).toUTCString()).delayInMs).toBe(Math.max(0, at - now));
      }),
    );
  });
});
