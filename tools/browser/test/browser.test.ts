// The clients, the poller and Batch Shared Key signing in real Chromium (Debian's, driven by
// playwright-core), against the emulator on other origins: CORS preflights, readable polling
// headers, WebCrypto signatures, resume tokens. A missing Chromium fails this file, naming the
// script that installs it; it is never skipped.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../src/chromium.js';
import type { SentRequest } from '../src/page/entry.js';
import { servePage, type ServedPage } from '../src/serve-page.js';

const info = inject('emulator');
let served: ServedPage;
let browser: Browser;
let page: Page;
/** What Chromium said on the console or threw in the page: must stay empty. */
const pageProblems: string[] = [];

/** Why the page could not be set up: every test fails with it (a skipped browser test would pass CI). */
let setupError: unknown;

beforeAll(async () => {
  try {
    served = await servePage();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx as an error; the 403 is the wrong-key request the Batch test expects.
      if (message.text().includes('responded with a status of 403')) return;
      if (message.type() === 'error' || message.type() === 'warning') pageProblems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('requestfailed', (request) => pageProblems.push(`requestfailed: ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(served.url);
    await page.waitForFunction(() => document.title === 'azlro ready', undefined, { timeout: 10_000 });
  } catch (error) {
    setupError = error;
  }
});

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The headers azlro sets that make a request "non-simple", so the browser preflights it. */
const ARM_HEADERS = ['authorization', 'x-ms-client-request-id', 'x-ms-useragent'];
// content-type: the Batch authentication page requires it (signed) on a POST, even with an empty body.
const BATCH_HEADERS = ['authorization', 'client-request-id', 'content-type', 'ocp-date', 'return-client-request-id', 'x-ms-useragent'];

function headerNames(sent: SentRequest[]): string[] {
  return [...new Set(sent.flatMap((request) => request.headers))].sort();
}

test('the page runs in Chromium, with web APIs only (no process, no Buffer), on an origin of its own', async () => {
  const environment = await page.evaluate(() => window.azlroPage.environment());
  expect(environment.userAgent).toMatch(/HeadlessChrome\/\d+/);
  expect(environment).toMatchObject({ hasProcess: false, hasBuffer: false });
  for (const endpoint of Object.values(info.endpoints)) expect(new URL(endpoint).origin).not.toBe(environment.origin);
  expect(served.bundleBytes).toBeGreaterThan(10_000);
});

describe('CORS, as the emulator (Prism) answers it', () => {
  const cases = [
    { service: 'arm', method: 'POST', headers: ARM_HEADERS },
    { service: 'arm', method: 'GET', headers: ARM_HEADERS },
    { service: 'cloudPartner', method: 'POST', headers: [...ARM_HEADERS, 'content-type'] },
    { service: 'batch', method: 'POST', headers: BATCH_HEADERS },
  ] as const;

  test.each(cases)('a preflight of $method on $service allows $headers', async ({ service, method, headers }) => {
    const origin = new URL(served.url).origin;
    const response = await fetch(`${info.endpoints[service]}/anything`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers.join(',') },
    });
    expect(response.status).toBeLessThan(300);
    expect([origin, '*']).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-methods')?.split(/\s*,\s*/)).toContain(method);
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase().split(/\s*,\s*/) ?? [];
    for (const header of headers) expect(allowed.includes(header) || allowed.includes('*'), `${header} allowed`).toBe(true);
  });

  test('a cross-origin page reads Azure-AsyncOperation, Location, Retry-After and the request ids', async () => {
    const headers = await page.evaluate(([emulator]) => window.azlroPage.readAbortHeaders(emulator, 'browser-raw-headers'), [info] as const);
    expect(headers).toMatchObject({
      status: '202',
      'azure-asyncoperation': expect.stringContaining(`${info.endpoints.arm}/subscriptions/`),
      location: expect.stringContaining(`${info.endpoints.arm}/subscriptions/`),
      'retry-after': '1',
      'x-ms-request-id': expect.any(String),
      'x-ms-correlation-request-id': expect.any(String),
    });
  });
});

test('abort and wait: abortLatestOperation + pollUntilDone succeeds after more than one poll, each after the Retry-After', async () => {
  const { result, state, progress, sent } = await page.evaluate(([emulator]) => window.azlroPage.abortAndWait(emulator, 'browser-abort'), [info] as const);
  expect(result).toBeNull();
  expect(state).toMatchObject({ kind: 'containerservice.abortLatestOperation', status: 'succeeded', serviceStatus: 'Succeeded' });
  expect(state.pollCount).toBe(2); // the emulator ends every operation on its 2nd poll
  expect(state.requestIds.requestId).toEqual(expect.any(String));
  expect(progress.at(-1)).toMatchObject({ status: 'succeeded', pollCount: state.pollCount });
  // intervalInMs is 50: only a Retry-After read across origins can space the polls a second apart.
  // Real time on purpose (a real browser's timers); the lower bound is the point, with 50 ms of slack.
  const gaps = progress.slice(1).map((entry, i) => entry.atInMs - progress[i]!.atInMs);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
  // POST, then only status polls: no final GET on `location` once the status says Succeeded.
  expect(sent.map((request) => request.method)).toEqual(['POST', ...Array(state.pollCount).fill('GET')]);
  // The status resource in the service's form (…/locations/{location}/operations/{id}).
  expect(sent.slice(1).every((request) => /\/locations\/eastus\/operations\/[0-9a-f-]{36}\?api-version=2017-08-31$/.test(request.url))).toBe(true);
  expect(headerNames(sent)).toEqual(ARM_HEADERS);
});

test('command result: waitForCommandResult follows the 202 Location to exit code 0', async () => {
  const { exitCode, provisioningState, pollCount, sent } = await page.evaluate(
    ([emulator]) => window.azlroPage.waitForCommand(emulator, 'browser-command'),
    [info] as const,
  );
  expect({ exitCode, provisioningState }).toEqual({ exitCode: 0, provisioningState: 'succeeded' });
  expect(pollCount).toBeGreaterThanOrEqual(1);
  expect(sent.map((request) => request.method)).toEqual(Array(pollCount + 1).fill('GET'));
  expect(headerNames(sent)).toEqual(ARM_HEADERS);
});

test('run command: a preflighted JSON POST across origins, its location read, the result followed to exit code 0', async () => {
  const { exitCode, logs, pollCount, sent } = await page.evaluate(([emulator]) => window.azlroPage.runCommand(emulator, 'browser-run'), [info] as const);
  expect(exitCode).toBe(0);
  expect(logs).toMatch(/^\$ kubectl get pods -A\n/);
  expect(pollCount).toBe(2); // the emulator ends every operation on its 2nd poll
  expect(sent.map((request) => request.method)).toEqual(['POST', 'GET', 'GET']);
  expect(sent[1]!.url).toMatch(/\/resourcegroups\/.+\/commandResults\/[0-9a-f]{32}\?api-version=2024-09-01$/);
});

test('node pool abort: abortAgentPoolLatestOperation follows the abort to succeeded', async () => {
  const { status, pollCount, sent } = await page.evaluate(([emulator]) => window.azlroPage.abortNodePool(emulator, 'browser-pool'), [info] as const);
  expect({ status, pollCount }).toEqual({ status: 'succeeded', pollCount: 2 });
  expect(sent[0]!.url).toMatch(/\/managedclusters\/browser-pool\/agentPools\/nodepool1\/abort\?api-version=2024-09-01$/);
});

test('partner cancel: cancelOfferOperation resolves the relative Location and waits for completed', async () => {
  const { operationStatus, state, pollCount, sent } = await page.evaluate(
    ([emulator]) => window.azlroPage.cancelOffer(emulator, 'browser-offer'),
    [info] as const,
  );
  expect({ operationStatus, state }).toEqual({ operationStatus: 'completed', state: 'succeeded' });
  expect(pollCount).toBeGreaterThanOrEqual(1);
  expect(sent.slice(1).every((request) => request.url.startsWith(`${info.endpoints.cloudPartner}/api/publishers/contoso/offers/browser-offer/operations/`))).toBe(true);
});

test('Batch: cancelCertificateDeletion signed with Shared Key over WebCrypto is verified (204); a wrong key is refused (403)', async () => {
  const { status, requestId, clientRequestId, wrongKey, sent } = await page.evaluate(
    ([emulator]) => window.azlroPage.cancelCertificateDeletion(emulator),
    [info] as const,
  );
  expect(status).toBe(204);
  expect(requestId).toEqual(expect.any(String));
  expect(clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(wrongKey).toEqual({ status: 403, code: 'AuthenticationFailed' });
  expect(headerNames(sent)).toEqual(BATCH_HEADERS);
});

test('resume: serialize() in the page, restorePoller() on a fresh client, waits to succeeded', async () => {
  const resumed = await page.evaluate(([emulator]) => window.azlroPage.serializeAndRestore(emulator, 'browser-resume'), [info] as const);
  expect(resumed).toMatchObject({ kind: 'containerservice.abortLatestOperation', endpoint: info.endpoints.arm, status: 'succeeded' });
  expect(resumed.pollCount).toBeGreaterThan(0);
  expect(resumed.token).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(Buffer.from(resumed.token, 'base64url').toString()).not.toContain('browser-token');
});

test('nothing went wrong in the page: no errors, warnings or failed requests', () => {
  expect(pageProblems).toEqual([]);
});
