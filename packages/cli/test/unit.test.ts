// In-process tests of the pieces (fast); the contract is tested by spawning the real binary.
import { describe, expect, test } from 'vitest';
import { EXIT_CODES, main, type CliIo } from '../src/index.js';
import { describeExchanges, describeRetryAfter } from '../src/demo/insights.js';
import type { DemoSession, StepSummary } from '../src/demo/session.js';
import { printSummary, summaryJson } from '../src/demo/summary.js';
import fc from 'fast-check';
import { classifyError } from '../src/errors.js';
import { renderText } from '../src/output.js';
import { describeThrottling, Progress } from '../src/progress.js';
import { toJson, type Report } from '../src/report.js';
import { StatusLine } from '../src/status-line.js';
import { createStyle, formatDuration } from '../src/style.js';
import { checkRetryAfter, Traffic, type Exchange } from '../src/traffic.js';

function memoryIo(extra: Partial<CliIo> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: {}, ...extra };
  return { io, out };
}

const plain = createStyle(false);

describe('main, in-process', () => {
  test('--version, --help, and a usage error in text and in JSON', async () => {
    const version = memoryIo();
    expect(await main(['--version'], version.io)).toBe(0);
    expect(version.out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

    const text = memoryIo();
    expect(await main(['aks', 'abort'], text.io)).toBe(EXIT_CODES.usage);
    expect(text.out.stdout).toBe('');
    expect(text.out.stderr).toMatch(/^azlro: error: --subscription is required: .*\nRun `azlro aks abort --help` for usage\.\n$/);

    for (const argv of [['aks', 'abort', '-o', 'json'], ['aks', 'abort', '--output=json', '--nope'], ['nope', '-ojson']]) {
      const json = memoryIo();
      expect(await main(argv, json.io)).toBe(2);
      expect(JSON.parse(json.out.stdout)).toMatchObject({ status: 'failed', exitCode: 2, error: { code: 'InvalidUsage' } });
    }
  });

  test('a token from the environment is scrubbed from anything printed', async () => {
    const token = 'scrub-me-0123456789';
    const { io, out } = memoryIo({ env: { AZLRO_ACCESS_TOKEN: token } });
    // The token is echoed by nothing azlro writes; an endpoint that contains it would be, and is scrubbed.
    expect(await main(['partner', 'cancel', '--publisher', 'p', '--offer', 'o', '--endpoint', `http://example.com/${token}`], io)).toBe(2);
    expect(out.stderr).toContain('http://example.com');
    expect(out.stderr + out.stdout).not.toContain(token);
  });
});

describe('reports', () => {
  const base: Report = { operation: 'aks abort', status: 'succeeded', exitCode: 0, requestId: 'r-1', requests: 4, durationInMs: 3_140 };

  test('text: one aligned line for a success, the token and the wait line when still running', () => {
    expect(renderText(base, plain)).toBe('✔ aks abort succeeded  (4 requests, 3.1 s)  request id: r-1');
    const running = renderText({ ...base, status: 'running', exitCode: 130, resumeToken: 'tok', stopped: 'interrupted' }, plain);
    expect(running.split('\n')).toEqual([
      '… aks abort still running (interrupted; the operation goes on at the service)  (4 requests, 3.1 s)  request id: r-1',
      '  continue with: azlro wait tok', // the token once: it runs to hundreds of characters
    ]);
  });

  test('text: the error row is aligned with the result\'s rows, as one table', () => {
    const failed = renderText({
      operation: 'aks command-result', status: 'failed', exitCode: 1, requestId: 'r-1', requests: 3, durationInMs: 2_200,
      error: { message: 'ImagePullBackoff' },
      result: { properties: { provisioningState: 'failed', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:02Z' } },
    }, plain);
    expect(failed.split('\n').slice(1)).toEqual([
      '  error               ImagePullBackoff',
      '  provisioning state  failed',
      '  started             2026-01-01T00:00:00Z',
      '  finished            2026-01-01T00:00:02Z',
    ]);
  });

  test('JSON: stable fields, text-only ones left out, durations rounded', () => {
    const json = toJson({ ...base, status: 'running', resumeToken: 'tok', stopped: 'timeout', notes: ['x'], timeoutInMs: 5, durationInMs: 12.6 });
    expect(json).toEqual({
      operation: 'aks abort', status: 'running', exitCode: 0, requestId: 'r-1', resumeToken: 'tok', continueWith: 'azlro wait tok', requests: 4, durationInMs: 13,
    });
  });
});

describe('classifyError', () => {
  const apiError = (init: Record<string, unknown>) => ({
    name: 'ApiError', method: 'POST', url: 'https://x/abort', kind: 'other', ...init,
    message: `POST https://x/abort: ${init.status}${init.code ? ` ${init.code}` : ''}: ${init.text}`,
  });

  test.each([
    [new TypeError('subscriptionId must be a UUID'), 2, { code: 'InvalidUsage' }],
    [new RangeError('thumbprint must be 40 hexadecimal digits'), 2, { code: 'InvalidUsage' }],
    [Object.assign(new Error('refused'), { name: 'CredentialOriginError' }), 2, { code: 'InvalidUsage' }],
    [apiError({ status: 409, kind: 'conflict', code: 'OperationNotAllowed', text: 'The operation completed before it could be aborted.', requestId: 'r' }), 3,
      { status: 409, code: 'OperationNotAllowed', message: 'The operation completed before it could be aborted.', requestId: 'r', reason: 'NothingToAbort', hint: expect.stringMatching(/^nothing to abort/) }],
    // A 409 whose message says neither: no guess, and no reason field for a script to trust.
    [apiError({ status: 409, kind: 'conflict', code: 'Conflict', text: 'too late', requestId: 'r' }), 3,
      { status: 409, code: 'Conflict', message: 'too late', hint: 'the service refused the abort (409 Conflict); its message says why' }],
    [apiError({ status: 400, kind: 'certificateRetired', code: 'CertificateRetired', text: 'gone' }), 3, { hint: expect.stringMatching(/Key Vault/) }],
    [Object.assign(new Error('GET x: network error: ECONNRESET'), { name: 'NetworkError' }), 3, { code: 'NetworkError' }],
    [Object.assign(new Error('EnvironmentCredential is unavailable.\nManagedIdentityCredential: no'), { name: 'AggregateAuthenticationError' }), 3,
      { code: 'AggregateAuthenticationError', message: 'EnvironmentCredential is unavailable. ManagedIdentityCredential: no', hint: expect.stringMatching(/az login/) }],
  ])('%s → exit %i', (error, exitCode, fields) => {
    const classified = classifyError(error, 'aks abort', { beforeSending: true });
    expect(classified.exitCode).toBe(exitCode);
    expect(classified.error).toMatchObject(fields);
  });

  test('a TypeError or RangeError after the request went out is not a usage error: what the service sent caused it', () => {
    for (const error of [new TypeError("Cannot read properties of undefined (reading 'x')"), new RangeError('Invalid time value')]) {
      expect(classifyError(error, 'aks abort', { beforeSending: false })).toMatchObject({ exitCode: 3, error: { code: error.name } });
    }
  });

  test('messages keep control characters visible, never raw', () => {
    const { error } = classifyError(new Error('bad \u001b]0;owned\u0007 title'), 'aks abort');
    expect(error.message).toBe('bad \\x1b]0;owned\\x07 title');
  });

  test('hints say "after the retries" only when there were retries; a 404 after acceptance means the record is gone', () => {
    const throttled = apiError({ status: 429, kind: 'throttled', text: 'slow down' });
    expect(classifyError(throttled, 'aks abort', { retried: false }).error.hint).toBe('the service is throttling requests (429): try again later');
    expect(classifyError(throttled, 'aks abort', { retried: true }).error.hint).toBe('the service is throttling requests (429), still after the retries: try again later');
    const gone = { ...apiError({ status: 404, kind: 'notFound', text: 'HTML page' }), method: 'GET' };
    expect(classifyError(gone, 'aks abort', { accepted: true }).error.hint).toMatch(/^the operation's record is gone/);
    expect(classifyError(gone, 'aks abort', { accepted: false }).error.hint).toBe('not found: check the names you passed');
  });
});

describe('abortConflictReason: what an abort\'s 409 says, from its code and message', () => {
  test.each([
    ['OperationNotAllowed', 'Operation is not allowed: Another operation (Canceling) is in progress, please wait for it to finish before starting a new operation.', 'AnotherOperationInProgress'],
    ['OperationNotAllowed', 'Operation is not allowed because there\'s an in progress update managed cluster operation (Updating) ... Another operation is in progress.', 'AnotherOperationInProgress'],
    ['AnotherOperationInProgress', 'Please retry later.', 'AnotherOperationInProgress'],
    ['OperationNotAllowed', 'The operation completed before it could be aborted.', 'NothingToAbort'],
    ['OperationNotAllowed', "Cannot abort: the latest operation completed before it could be aborted on managed cluster 'c1'.", 'NothingToAbort'],
    ['OperationNotAllowed', "Cannot abort: no operation is in progress (the last one was already canceled) on managed cluster 'c1'.", 'NothingToAbort'],
    ['OperationNotAllowed', 'The latest operation has already succeeded.', 'NothingToAbort'],
    ['Conflict', 'too late', undefined],
  ])('%s: %s → %s', (code, message, reason) => {
    const error = { name: 'ApiError', method: 'POST', url: 'https://x/abort', status: 409, kind: 'conflict', code, message: `POST https://x/abort: 409 ${code}: ${message}` };
    expect(classifyError(error, 'aks abort').error.reason).toBe(reason);
  });

  test('the reason is only read for aks abort', () => {
    const error = { name: 'ApiError', method: 'PUT', url: 'https://x', kind: 'conflict', status: 409, code: 'OperationNotAllowed', message: 'PUT https://x: 409 OperationNotAllowed: Another operation is in progress' };
    expect(classifyError(error, 'partner cancel').error.reason).toBeUndefined();
  });
});

describe('describeThrottling', () => {
  test('the poller\'s plan, from notBefore: own and shared', () => {
    const t = { status: 429, code: 'SubscriptionRequestsThrottled', retryAfterInMs: 372_000, notBefore: 1_000_000 + 372_000, shared: false };
    expect(describeThrottling(t, 1_000_000)).toBe('throttled by the service (429 SubscriptionRequestsThrottled), next poll in 6 min 12 s');
    expect(describeThrottling({ ...t, code: undefined, shared: true }, 1_000_000 + 367_000)).toBe(
      'throttled by the service (429; shared with the other polls of this subscription), next poll in 5.0 s',
    );
  });
});

describe('traffic and Retry-After', () => {
  const exchange = (method: string, path: string, status: number, sentAt: number, answeredAt: number, retryAfterInMs?: number): Exchange =>
    ({ method, path, status, sentAt, answeredAt, retryAfterInMs });

  test('measures each wait against the delay the previous answer asked for', () => {
    const honoured = [exchange('POST', '/x/abort', 202, 0, 10, 1_000), exchange('GET', '/x/operationStatus/1', 200, 1_010, 1_020, 1_000), exchange('GET', '/x/operationStatus/1', 200, 2_021, 2_030)];
    expect(checkRetryAfter(honoured)).toEqual({ waits: 2, early: 0, minGapInMs: 1_000, maxGapInMs: 1_001, askedInMs: [1_000] });
    expect(describeRetryAfter(honoured)).toEqual({ honoured: true, text: 'Retry-After honoured: 2 requests each sent 1.00–1.00 s after the answer that asked for 1 s' });
    expect(describeExchanges(honoured)).toBe('POST abort → 202 · GET operationStatus → 200 ×2');
    const early = [exchange('POST', '/x/abort', 202, 0, 10, 1_000), exchange('GET', '/x/operationStatus/1', 200, 500, 510)];
    expect(describeRetryAfter(early)?.honoured).toBe(false);
  });

  test('the transport records requests and the next poll time', async () => {
    const traffic = new Traffic(async () => new Response(null, { status: 202, headers: { 'retry-after': '2' } }));
    await traffic.fetch('http://127.0.0.1/a?b=1', { method: 'post' });
    expect(traffic.exchanges).toMatchObject([{ method: 'POST', path: '/a?b=1', status: 202, retryAfterInMs: 2_000 }]);
    expect(traffic.nextPollAt(500)).toBeCloseTo(traffic.exchanges[0]!.answeredAt + 2_000);
  });
});

describe('progress', () => {
  test('off a terminal: one line per status change, nothing for the same status', () => {
    let written = '';
    const line = new StatusLine((t) => (written += t), false);
    const progress = new Progress({ line, style: plain, operation: 'aks abort', traffic: new Traffic(), intervalInMs: 2_000, startedAt: performance.now() });
    progress.update({ status: 'running' });
    progress.update({ status: 'running' });
    progress.update({ status: 'running', serviceStatus: 'InProgress', percentComplete: 40 });
    progress.update({ status: 'succeeded', serviceStatus: 'Succeeded', percentComplete: 100 });
    progress.stop();
    expect(written.split('\n').filter(Boolean).map((l) => l.replace(/^\[\d+\.\d s\] /, ''))).toEqual([
      'aks abort: running', 'aks abort: running · InProgress 40%', 'aks abort: succeeded 100%',
    ]);
  });

  test('on a terminal: log lines go above the live line, which is drawn again, cut to the width', () => {
    let written = '';
    const line = new StatusLine((t) => (written += t), true, 20);
    line.show('a very long progress line that does not fit');
    line.print('log');
    line.clear();
    expect(written).toBe('\r\x1b[2Ka very long progre…\r\x1b[2Klog\na very long progre…\r\x1b[2K');
  });

  test('durations', () => {
    expect(formatDuration(3_140)).toBe('3.1 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('the demo summary', () => {
  const step = (requests: string, expected = true): StepSummary => ({
    step: 's', operation: 'aks abort', status: 'succeeded', exitCode: 0, expected, requests, durationInMs: 1_234.5,
    retryAfter: 'honoured (2)', retryAfterWaits: 2, retryAfterEarly: 0,
  });
  const session = (summaries: StepSummary[], lines: string[]) =>
    ({ style: plain, summaries, say: (t = '') => lines.push(t) }) as unknown as DemoSession;

  test('JSON: every step, the requests added up across processes', () => {
    const json = summaryJson(session([step('4'), step('1 + 3')], []), 0, 14_100.4, 2_100, true);
    expect(json).toMatchObject({ status: 'succeeded', exitCode: 0, durationInMs: 14_100, requests: 8 });
    expect(json.steps).toHaveLength(2);
    expect(json.steps[0]).toMatchObject({ durationInMs: 1_235, retryAfterWaits: 2 });
  });

  test('text: an aligned table and honest closing lines', () => {
    const lines: string[] = [];
    printSummary(session([step('4'), step('1', false)], lines), 14_100, 2_100, false);
    expect(lines).toContain('  ✔  1     aks abort  succeeded  4         1.2 s  honoured (2)');
    expect(lines).toContain('✖ not every step ended as expected (see above).');
    expect(lines).toContain('✔ Retry-After: all 4 requests that followed an answer asking for a delay waited at least that long (measured in this process).');
  });
});

describe('classifyError: every message path, property-tested (issue 10 item 9)', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/);
  // A secret placed where its structure says it is one: URL user-info, a SAS signature, a token query value, a bearer credential.
  const placed = fc.tuple(secret, fc.constantFrom(
    (x: string) => `http://user:${x}@127.0.0.1:8080/p`,
    (x: string) => `https://acct.blob.core.windows.net/c?sv=2024&sig=${x}`,
    (x: string) => `https://h.example/cb?token=${x}&a=1`,
    (x: string) => `Authorization: Bearer ${x}`,
  ));
  const noise = fc.string({ unit: 'binary', maxLength: 60 });
  const kinds = fc.constantFrom('Error', 'TypeError', 'NetworkError', 'RequestTimeoutError', 'PollingOriginError', 'PollingProtocolError', 'ApiError');

  test('escapes control characters and never carries a secret from its input', () => {
    fc.assert(
      fc.property(noise, placed, noise, kinds, fc.boolean(), (before, [value, place], after, name, beforeSending) => {
        const text = `${before} ${place(value)} ${after}`;
        const error = name === 'ApiError'
          ? { name, status: 500, kind: 'server', method: 'GET', url: 'https://x/p', message: `GET https://x/p: 500: ${text}`, code: 'E' }
          : Object.assign(name === 'TypeError' ? new TypeError(text) : new Error(text), name === 'TypeError' ? {} : { name });
        const { error: reported } = classifyError(error, 'aks abort', { beforeSending });
        for (const field of [reported.message, reported.hint ?? '']) {
          expect(field).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(field).not.toContain(value);
        }
      }),
      { numRuns: 500 },
    );
  });
});
