import { describe, expect, test } from 'vitest';
import { exponentialDelayInMs, retryAfterInMs } from '../src/retry-after.js';
import { failedBeforeSending, isRetryableStatus } from '../src/retry-decision.js';

const now = Date.parse('Thu, 29 Feb 2024 10:00:00 GMT');

describe('retryAfterInMs', () => {
  test.each([
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'x-ms-retry-after-ms': '40.5' }, 40.5],
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': 'Thu, 29 Feb 2024 10:00:07 GMT' }, 7000],
    [{ 'retry-after': 'Thu, 29 Feb 2024 09:59:00 GMT' }, 0], // a date in the past: no wait asked (callers apply their floor)
    [{ 'retry-after-ms': '5', 'x-ms-retry-after-ms': '6', 'retry-after': '7' }, 5],
    [{ 'retry-after-ms': 'soon', 'x-ms-retry-after-ms': '6' }, 6], // an invalid header falls through
    [{ 'retry-after': 'whenever' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (headers, expected) => {
    expect(retryAfterInMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('exponentialDelayInMs', () => {
  test('stays within 80-120% of retryDelayInMs * 2^retry and under the cap', () => {
    for (let i = 0; i < 200; i++) {
      const d = exponentialDelayInMs(2, 100, 60_000);
      expect(d).toBeGreaterThanOrEqual(320);
      expect(d).toBeLessThanOrEqual(480);
      expect(exponentialDelayInMs(20, 100, 1234)).toBe(1234);
    }
  });
});

describe('retry decisions', () => {
  test('finds connect failures anywhere in the cause chain or an AggregateError', () => {
    expect(failedBeforeSending(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(failedBeforeSending({ cause: new AggregateError([Object.assign(new Error(), { code: 'EAI_AGAIN' })]) })).toBe(true);
    expect(failedBeforeSending({ cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } })).toBe(true);
    expect(failedBeforeSending({ cause: { code: 'UND_ERR_SOCKET' } })).toBe(false);
    expect(failedBeforeSending({ cause: { code: 'ECONNRESET' } })).toBe(false);
  });

  test('PUT, PATCH and DELETE are treated like POST', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect(isRetryableStatus(method, 500)).toBe(false);
      expect(isRetryableStatus(method, 503)).toBe(true);
    }
    expect(isRetryableStatus('HEAD', 500)).toBe(true);
  });
});
