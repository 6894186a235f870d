import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { format, inspect, promisify } from 'node:util';
import { AzureLogger, setLogLevel } from '@azure/logger';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, logger, SharedKeyCredential, StaticTokenCredential, type AzlroLogger } from '@azlro/http';
import { createLogger, redactText } from '@azlro/http/internal';
import { base64Json, fakeCredential, userAgent } from './helpers.js';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

// Captured the way Azure SDK users do it: @azure/logger's setLogLevel and AzureLogger.log.
const lines: string[] = [];
const azureLog = AzureLogger.log;
function capture(): void {
  lines.length = 0;
  setLogLevel('verbose');
  AzureLogger.log = (...args: unknown[]) => lines.push(format(...args));
}
afterEach(() => {
  setLogLevel(undefined);
  AzureLogger.log = azureLog;
  server.reset();
});

describe('logger (through @azure/logger)', () => {
  test("honours @azure/logger's level and writes namespaced lines to AzureLogger.log", () => {
    capture();
    setLogLevel('warning');
    const log = createLogger('azlro:test');
    log.verbose('v');
    log.info('i');
    log.warning('w Bearer abc.def');
    log.error('e');
    expect(lines).toEqual(['azure:azlro:test:warning w Bearer REDACTED', 'azure:azlro:test:error e']);
  });

  test('is off by default', () => {
    capture();
    setLogLevel(undefined);
    createLogger('x').error('nothing');
    expect(lines).toEqual([]);
  });

  test(
    'a fresh process reads AZURE_LOG_LEVEL and writes to stderr by default',
    async () => {
      const { outputFiles } = await build({
        entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'node',
        conditions: ['@azlro/source'], packages: 'external', write: false,
      });
      const script = `${outputFiles[0]!.text}\nlogger.verbose('hidden'); logger.info('shown Bearer abc.def');`;
      const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, AZURE_LOG_LEVEL: 'info' },
      });
      expect(stderr.trim()).toMatch(/azure:azlro:http:info shown Bearer REDACTED$/);
      expect(stderr).not.toContain('hidden');
    },
    20_000,
  );
});

describe('redactText', () => {
  test.each([
    ['Authorization: Bearer eyJabc.def.ghi', 'Authorization: Bearer REDACTED'],
    ['SharedKey acct:c2lnbmF0dXJl+/=', 'SharedKey REDACTED'],
    ['https://h/p?sv=1&sig=abc%2F&se=2&code=xyz&api-version=3', 'https://h/p?sv=1&sig=REDACTED&se=2&code=REDACTED&api-version=3'],
    ['https://user:pass@h/x', 'https://REDACTED@h/x'],
    ['https://user:p@ss@h/x', 'https://REDACTED@h/x'], // an unencoded @ in a password typed by hand: the authority ends at the last @
    ['http://u:pw@proxy:8080?sig=1', 'http://REDACTED@proxy:8080?sig=REDACTED'],
    ['//h/path@x and //h?q=a@b', '//h/path@x and //h?q=a@b'],
    ['{"access_token":"abc","other":"ok"}', '{"access_token":"REDACTED","other":"ok"}'],
    ['ocp-date: Thu, 29 Feb 2024 10:00:00 GMT', 'ocp-date: Thu, 29 Feb 2024 10:00:00 GMT'],
    ['token eyJ0eXAiOiJKV1Qi.eyJhdWQiOiJodHRwczov.c2lnbmF0dXJl in text', 'token REDACTED in text'],
    ['ran on aks-demo (azlro emulator)', 'ran on aks-demo (azlro emulator)'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
    expect(redactText(redactText(input))).toBe(expected);
  });
});

describe('secrets never reach logs or errors (a full verbose run)', () => {
  test('token, claims retry, 503 retries, shared key and errors: no token, key or signature anywhere', async () => {
    capture();
    const key = Buffer.from('shared key used only in this redaction test, 48b').toString('base64');
    // Each pipeline redacts what it holds: the Batch one its key, both their Authorization headers.
    const echo = (withKey: boolean) => (req: { headers: Record<string, unknown>; url: string }) => ({
      status: 400,
      json: { error: { code: 'Echo', message: `you sent ${String(req.headers.authorization)} to ${req.url}${withKey ? ` with key ${key}` : ''}` } },
    });
    server.route('GET', '/arm', [
      { status: 401, headers: { 'www-authenticate': `Bearer error="insufficient_claims", claims="${base64Json({ a: 1 })}"` } },
      { status: 503 },
      { status: 503, headers: { 'retry-after-ms': '5' } },
      { json: { ok: true } },
    ]);
    server.route('GET', '/arm-error', echo(false));
    server.route('POST', '/batch', [{ status: 503 }, { status: 202 }]);
    server.route('GET', '/batch-error', echo(true));

    const credential = fakeCredential();
    const arm = createPipeline({ endpoint: server.url, credential, scopes: 's/.default', userAgent, retryOptions: { retryDelayInMs: 5 } });
    const batch = createPipeline({ endpoint: server.url, credential: new SharedKeyCredential('acct', key), userAgent, retryOptions: { retryDelayInMs: 5 } });
    await arm(`${server.url}/arm`);
    await batch(`${server.url}/batch`, { method: 'POST' });
    const errors = [
      await arm(`${server.url}/arm-error?sig=sas-signature-value`).catch((e: unknown) => e),
      await batch(`${server.url}/batch-error`).catch((e: unknown) => e),
    ];

    const signatures = server.requests.map((r) => String(r.headers.authorization)).filter((a) => a.startsWith('SharedKey'))
      .map((a) => a.split(':')[1]!);
    const secrets = [...credential.issued, key, ...signatures, 'sas-signature-value'];
    expect(credential.issued).toHaveLength(2);
    expect(signatures).toHaveLength(3);

    const surfaces = [
      ...lines,
      ...errors.flatMap((e) => [String(e), (e as Error).message, (e as Error).stack ?? '', JSON.stringify(e), inspect(e, { depth: 5 })]),
    ].join('\n');
    for (const secret of secrets) expect(surfaces).not.toContain(secret);

    // and the run was really logged: requests, responses, the challenge and the retries
    expect(lines.some((l) => l.includes('--> GET') && l.includes('attempt=3'))).toBe(true);
    expect(lines.some((l) => /warning retry GET .* after status 503/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('claims challenge'))).toBe(true);
    expect(lines.some((l) => /<-- 202 POST/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('sig=REDACTED'))).toBe(true);
    expect((errors[0] as Error).message).toContain('Bearer REDACTED');
  });

  test("the package's own logger passed in options keeps its level: off writes nothing, on writes each line once, redacted", async () => {
    capture();
    setLogLevel(undefined);
    server.route('GET', '/x', { json: {} });
    const send = createPipeline({ endpoint: server.url, userAgent, logger });
    await send(`${server.url}/x?sig=s3cret-value`);
    expect(lines).toEqual([]);
    setLogLevel('info');
    await send(`${server.url}/x?sig=s3cret-value`);
    expect(lines.map((l) => l.replace(/attempt=1 .*$/, 'attempt=1 ...'))).toEqual([
      `azure:azlro:http:info --> GET ${server.url}/x?sig=REDACTED attempt=1 ...`,
      `azure:azlro:http:info <-- 200 GET ${server.url}/x?sig=REDACTED attempt=1 ...`,
    ]);
  });

  test('a logger passed in options receives redacted messages too', async () => {
    const seen: string[] = [];
    const custom: AzlroLogger = { verbose: (m) => seen.push(m), info: (m) => seen.push(m), warning: (m) => seen.push(m), error: (m) => seen.push(m) };
    server.route('GET', '/x', { json: {} });
    await createPipeline({ endpoint: server.url, userAgent, logger: custom })(`${server.url}/x?token=t0ps3cret`);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.join('\n')).not.toContain('t0ps3cret');
    expect(seen.join('\n')).toContain('token=REDACTED');
  });
});

describe('redaction is per pipeline and never corrupts ordinary words', () => {
  test('a short token such as `emulator` is not blanked out of logs or error messages', async () => {
    capture();
    server.route('GET', '/cmd', { status: 400, json: { error: { code: 'Echo', message: 'ran on aks-demo (azlro emulator)' } } });
    const send = createPipeline({ endpoint: server.url, credential: new StaticTokenCredential('emulator'), scopes: 's/.default', userAgent });
    const error = (await send(`${server.url}/cmd`).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('ran on aks-demo (azlro emulator)');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer emulator');
    expect(lines.join('\n')).not.toContain('REDACTED)');
    expect(lines.some((l) => l.includes('<-- 400 GET'))).toBe(true);
  });

  test("a long token is redacted by the pipeline that sent it, and only there", async () => {
    capture();
    const token = 'opaque-static-token-0123456789abcdef';
    const echo = { status: 400, json: { error: { code: 'Echo', message: `you sent ${token}` } } };
    server.route('GET', '/a', echo);
    const sender = createPipeline({ endpoint: server.url, credential: new StaticTokenCredential(token), scopes: 's/.default', userAgent });
    const other = createPipeline({ endpoint: server.url, userAgent });
    const fromSender = (await sender(`${server.url}/a`).catch((e: unknown) => e)) as Error;
    const fromOther = (await other(`${server.url}/a`).catch((e: unknown) => e)) as Error;
    expect(fromSender.message).toContain('you sent REDACTED');
    // The other pipeline never held that token: there is no process-wide list that would blank it there.
    expect(fromOther.message).toContain(`you sent ${token}`);
  });
});
