import { readFileSync } from 'node:fs';
import { isCertificateRetiredError, SharedKeyCredential } from '@azlro/http';
import { verifySharedKey } from '@azlro/http/internal';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendCancelCertificateDeletion, createBatchClient } from '../src/index.js';

/** The README's example, verbatim between the markers: the last test keeps the two identical. */
async function readmeExample(endpoint: string, accountName: string, accountKey: string, print: (...values: unknown[]) => void) {
  const console = { log: print };
  // snippet:start
  const batch = createBatchClient({
    endpoint, // the account URL, e.g. https://myaccount.westeurope.batch.azure.com
    credential: new SharedKeyCredential(accountName, accountKey), // or a TokenCredential
  });

  try {
    const { response } = await sendCancelCertificateDeletion(batch, { thumbprint: '0123456789abcdef0123456789abcdef01234567' });
    console.log(response.status, response.headers.get('request-id')); // 204: the certificate is active again
  } catch (error) {
    if (!isCertificateRetiredError(error)) throw error;
    console.log(`the Batch certificate feature is retired: ${error.message}`); // what the service answers since 2024-02-29
  }
  // snippet:end
}

/** A made-up account key (base64, as the Azure portal shows keys). */
const accountKey = Buffer.from('azlro README example key, not a real one').toString('base64');

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

test('the README example runs: 204, then 400 CertificateRetired; every request carries a valid Shared Key signature', async () => {
  const path = '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123456789abcdef0123456789abcdef01234567)/canceldelete';
  server.route('POST', path, [
    { status: 204, headers: { 'request-id': 'b1a4c0de-0000-4000-8000-000000000001' } },
    { status: 400, json: { code: 'CertificateRetired', message: { lang: 'en-US', value: 'The certificate feature has been retired.' } } },
  ]);
  const printed: unknown[][] = [];
  await readmeExample(server.url, 'myaccount', accountKey, (...values) => printed.push(values));
  await readmeExample(server.url, 'myaccount', accountKey, (...values) => printed.push(values));
  expect(printed[0]).toEqual([204, 'b1a4c0de-0000-4000-8000-000000000001']);
  expect(String(printed[1]?.[0])).toMatch(/^the Batch certificate feature is retired: /);
  for (const request of server.requests) {
    const signed = { method: request.method, url: request.url, headers: request.headers };
    expect(await verifySharedKey(signed, 'myaccount', accountKey)).toBe(true);
  }
});

test('README.md shows exactly this example', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const snippet = /\/\/ snippet:start\n([\s\S]*?)\n\s*\/\/ snippet:end/.exec(source)![1]!.replace(/^ {2}/gm, '');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(snippet);
});
