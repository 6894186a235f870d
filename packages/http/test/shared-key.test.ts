import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, SharedKeyCredential } from '@azlro/http';
import { computeSharedKeySignature, stringToSign, verifySharedKey } from '@azlro/http/internal';
import { ManualClock } from '@azlro/http/testing';
import { userAgent } from './helpers.js';

const ACCOUNT = 'myaccount';
const KEY = Buffer.from('a 64-byte test account key, made up for this test only........!!').toString('base64');
const hmac = (text: string, key = KEY) => createHmac('sha256', Buffer.from(key, 'base64')).update(text, 'utf8').digest('base64');

const CANCEL_PATH = '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123456789abcdef0123456789abcdef01234567)/canceldelete';
const CANCEL_URL = `https://myaccount.westeurope.batch.azure.com${CANCEL_PATH}?api-version=2023-11-01.18.0&timeout=30`;
const OCP_DATE = 'Thu, 29 Feb 2024 10:00:00 GMT';

/** Written out by hand from the Batch Shared Key rules, not produced by the code under test. */
const CANCEL_STRING_TO_SIGN = [
  'POST',
  '', // Content-Encoding
  '', // Content-Language
  '0', // Content-Length: fetch sends 0 for an empty POST, so that is what is signed
  '', // Content-MD5
  '', // Content-Type
  '', // Date
  '', // If-Modified-Since
  '', // If-Match
  '', // If-None-Match
  '', // If-Unmodified-Since
  '', // Range
  `ocp-date:${OCP_DATE}`,
  `/myaccount${CANCEL_PATH}`,
  'api-version:2023-11-01.18.0',
  'timeout:30',
].join('\n');

describe('Shared Key signing (vectors computed independently with node:crypto)', () => {
  test('new URL keeps ( ) , = in the path, so the path is sent and signed literally', () => {
    expect(new URL(CANCEL_URL).pathname).toBe(CANCEL_PATH);
  });

  test('stringToSign matches the hand-written string for the Batch cancel-deletion request', () => {
    const headers = new Headers({ 'ocp-date': OCP_DATE, 'content-length': '0', 'client-request-id': 'not-signed' });
    expect(stringToSign({ method: 'post', url: CANCEL_URL, headers }, ACCOUNT)).toBe(CANCEL_STRING_TO_SIGN);
  });

  test('SharedKeyCredential.sign sets the Authorization an independent HMAC-SHA256 predicts', async () => {
    const headers = new Headers({ 'ocp-date': OCP_DATE });
    await new SharedKeyCredential(ACCOUNT, KEY).sign({ method: 'POST', url: CANCEL_URL, headers });
    expect(headers.get('authorization')).toBe(`SharedKey ${ACCOUNT}:${hmac(CANCEL_STRING_TO_SIGN)}`);
  });

  test('computeSharedKeySignature is HMAC-SHA256 with the decoded key, base64 out', async () => {
    expect(await computeSharedKeySignature(KEY, 'any text ✓')).toBe(hmac('any text ✓'));
  });

  test('canonicalizes ocp-* headers and query parameters (lower-cased, sorted, decoded, multi-values joined)', () => {
    const headers = new Headers({ 'OCP-Zeta': '  z  ', 'ocp-date': OCP_DATE, 'content-type': 'application/json; odata=minimalmetadata', 'content-length': '12', 'x-other': 'ignored' });
    const url = 'https://h/jobs/j%201?B=2&a=x%20y&a=b&timeout=30';
    expect(stringToSign({ method: 'PUT', url, headers }, ACCOUNT)).toBe(
      ['PUT', '', '', '12', '', 'application/json; odata=minimalmetadata', '', '', '', '', '', '',
        `ocp-date:${OCP_DATE}`, 'ocp-zeta:z', '/myaccount/jobs/j%201', 'a:b,x y', 'b:2', 'timeout:30'].join('\n'),
    );
  });

  test('an empty GET signs an empty Content-Length and sets ocp-date when absent', async () => {
    const headers = new Headers();
    await new SharedKeyCredential(ACCOUNT, KEY).sign({ method: 'GET', url: 'https://h/pools', headers });
    const date = headers.get('ocp-date')!;
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(5_000);
    expect(date).toBe(new Date(Date.parse(date)).toUTCString());
    const expected = ['GET', '', '', '', '', '', '', '', '', '', '', '', `ocp-date:${date}`, '/myaccount/pools'].join('\n');
    expect(headers.get('authorization')).toBe(`SharedKey ${ACCOUNT}:${hmac(expected)}`);
  });

  test('the constructor refuses a key that is not base64, without echoing the key', () => {
    const bad = 'not base64 at all!!';
    expect(() => new SharedKeyCredential(ACCOUNT, bad)).toThrow(RangeError);
    expect(() => new SharedKeyCredential(ACCOUNT, bad)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(bad) }));
    expect(() => new SharedKeyCredential('', KEY)).toThrow(/accountName/);
    expect(JSON.stringify(new SharedKeyCredential(ACCOUNT, KEY))).toBe(JSON.stringify({ accountName: ACCOUNT }));
  });
});

describe('Shared Key over loopback (the server verifies what it received)', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const pipeline = (clock?: ManualClock) =>
    createPipeline({
      endpoint: server.url, credential: new SharedKeyCredential(ACCOUNT, KEY), userAgent,
      requestIdHeaderName: 'client-request-id', returnClientRequestId: true, retryOptions: { retryDelayInMs: 5 }, clock,
    });

  test('POST (empty), GET, PUT (JSON) and DELETE all verify with verifySharedKey', async () => {
    server.route('POST', CANCEL_PATH, { status: 204 });
    server.route('GET', '/pools', { json: { value: [] } });
    server.route('PUT', '/jobs/j1', { json: {} });
    server.route('DELETE', '/jobs/j1', { status: 202 });
    const send = pipeline();
    await send(`${server.url}${CANCEL_PATH}?api-version=2023-11-01.18.0&timeout=30`, { method: 'POST' });
    await send(`${server.url}/pools?api-version=2023-11-01.18.0&$filter=${encodeURIComponent("state eq 'active'")}`);
    await send(`${server.url}/jobs/j1`, { method: 'PUT', body: JSON.stringify({ priority: 1 }), headers: { 'content-type': 'application/json' } });
    await send(`${server.url}/jobs/j1`, { method: 'DELETE' });
    expect(server.requests).toHaveLength(4);
    expect(server.requests[0]?.headers['content-length']).toBe('0'); // why an empty POST signs 0
    expect(server.requests[1]?.headers['content-length']).toBeUndefined();
    for (const request of server.requests) {
      expect(request.headers.authorization).toMatch(/^SharedKey myaccount:/);
      expect(await verifySharedKey(request, ACCOUNT, KEY)).toBe(true);
      expect(request.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(request.headers['return-client-request-id']).toBe('true');
    }
  });

  test('verification fails for another key, another account, or a changed request', async () => {
    server.route('GET', '/pools', { json: {} });
    await pipeline()(`${server.url}/pools?timeout=30`);
    const received = server.requests[0]!;
    const otherKey = Buffer.from('another key entirely').toString('base64');
    expect(await verifySharedKey(received, ACCOUNT, KEY)).toBe(true);
    expect(await verifySharedKey(received, ACCOUNT, otherKey)).toBe(false);
    expect(await verifySharedKey(received, 'otheraccount', KEY)).toBe(false);
    expect(await verifySharedKey({ ...received, url: '/pools?timeout=31' }, ACCOUNT, KEY)).toBe(false);
    expect(await verifySharedKey({ ...received, method: 'DELETE' }, ACCOUNT, KEY)).toBe(false);
    expect(await verifySharedKey({ ...received, headers: { ...received.headers, authorization: 'SharedKey myaccount:@@' } }, ACCOUNT, KEY)).toBe(false);
  });

  test('each retry is signed afresh, with a new ocp-date, and still verifies', async () => {
    server.route('POST', '/jobs/j1/terminate', [{ status: 503, headers: { 'retry-after-ms': '1100' } }, { status: 204 }]);
    // ocp-date is read from the pipeline's clock, which the 1.1 s retry wait moves on.
    await pipeline(new ManualClock({ autoAdvance: true }))(`${server.url}/jobs/j1/terminate?timeout=30`, { method: 'POST' });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) expect(await verifySharedKey(request, ACCOUNT, KEY)).toBe(true);
    const [first, second] = server.requests.map((r) => Date.parse(String(r.headers['ocp-date'])));
    expect(second! - first!).toBe(1000); // 1.1 s later, in an HTTP-date's whole seconds
  });
});
