#!/usr/bin/env node
// Abort Latest Operation, waited for, on the same https loopback server: azlro next to
// @azure/arm-containerservice. Not a test: it prints a table (requests, wall time, when each
// request arrived). Run: node packages/lro/bench/abort-wait.mjs [rounds]
//
// The official SDK refuses a bearer token over http://, loopback included, so the server speaks
// https with a certificate made at run time by `openssl` (a throwaway CA plus a leaf for
// 127.0.0.1). Each client runs in its own child process whose NODE_EXTRA_CA_CERTS adds that CA:
// neither client is configured specially, both use their defaults (2 s interval, default retries).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const rounds = Number(process.argv[2] ?? 3);
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'azlro-bench-'));
const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'clustername1' };

function makeCertificates() {
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=azlro bench CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '1', '-extfile', 'leaf.ext');
  // Keep whatever extra CAs this machine already trusts, and add ours.
  const existing = process.env.NODE_EXTRA_CA_CERTS ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(join(dir, 'extra-ca.pem'), `${existing}\n${readFileSync(join(dir, 'ca.pem'), 'utf8')}`);
  return { key: readFileSync(join(dir, 'leaf.key')), cert: readFileSync(join(dir, 'leaf.pem')), ca: join(dir, 'extra-ca.pem') };
}

/** The scripted ARM: 202 (+ Retry-After: 1 when `initialRetryAfter`), InProgress twice with Retry-After: 1, Succeeded; location 204. */
async function startArm(tls) {
  let script;
  const requests = [];
  const server = createServer(tls, (req, res) => {
    const at = performance.now();
    requests.push({ method: req.method, path: req.url.split('?')[0], at });
    req.resume();
    const base = `https://127.0.0.1:${server.address().port}/subscriptions/${cluster.subscriptionId}/providers/Microsoft.ContainerService/locations/eastus`;
    const query = `?api-version=${new URL(req.url, 'https://x').searchParams.get('api-version')}`;
    if (req.method === 'POST' && /\/abort$/.test(req.url.split('?')[0])) {
      const headers = { 'azure-asyncoperation': `${base}/operationStatus/op-1${query}`, location: `${base}/operations/op-1${query}`, 'content-length': 0 };
      if (script.initialRetryAfter) headers['retry-after'] = '1';
      res.writeHead(202, headers).end();
    } else if (req.method === 'GET' && req.url.includes('/operationStatus/')) {
      const status = script.statuses.shift() ?? 'Succeeded';
      const body = JSON.stringify({ status });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, ...(status === 'InProgress' ? { 'retry-after': '1' } : {}) }).end(body);
    } else if (req.method === 'GET' && req.url.includes('/operations/')) {
      res.writeHead(204).end();
    } else {
      res.writeHead(404, { 'content-length': 0 }).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${server.address().port}`,
    reset(initialRetryAfter) {
      script = { initialRetryAfter, statuses: ['InProgress', 'InProgress'] };
      requests.length = 0;
    },
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** azlro, bundled from TypeScript source (no dist/ needed). */
async function azlroScript() {
  const script = join(dir, 'azlro.mjs');
  await build({
    stdin: {
      contents: `
        import { createContainerServiceClient } from '@azlro/containerservice';
        import { StaticTokenCredential } from '@azlro/http';
        import { abortLatestOperation } from '@azlro/lro';
        const client = createContainerServiceClient({ endpoint: process.argv[2], credential: new StaticTokenCredential('bench-token-0123456789') });
        const started = performance.now();
        const options = process.argv[3] === undefined ? {} : { intervalInMs: Number(process.argv[3]) };
        await abortLatestOperation(client, ${JSON.stringify(cluster)}, options);
        console.log(JSON.stringify({ ms: performance.now() - started }));`,
      resolveDir: here,
      loader: 'ts',
    },
    outfile: script, bundle: true, platform: 'node', format: 'esm', conditions: ['@azlro/source'], logLevel: 'silent',
  });
  return script;
}

/** The official SDK, as installed for tools/bench. */
function officialScript() {
  const require = createRequire(fileURLToPath(new URL('../../../tools/bench/package.json', import.meta.url)));
  const entry = pathToFileURL(require.resolve('@azure/arm-containerservice')).href;
  const script = join(dir, 'official.mjs');
  writeFileSync(script, `
    import sdk from ${JSON.stringify(entry)};
    const credential = { getToken: async () => ({ token: 'bench-token-0123456789', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = new sdk.ContainerServiceClient(credential, ${JSON.stringify(cluster.subscriptionId)}, { endpoint: process.argv[2] });
    const started = performance.now();
    await client.managedClusters.abortLatestOperation(${JSON.stringify(cluster.resourceGroupName)}, ${JSON.stringify(cluster.resourceName)});
    console.log(JSON.stringify({ ms: performance.now() - started }));`);
  return script;
}

function run(script, args, endpoint, ca) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, endpoint, ...args], { env: { ...process.env, NODE_EXTRA_CA_CERTS: ca }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`${script} exited ${code}: ${err}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`Abort + wait; status InProgress twice with Retry-After: 1, then Succeeded. ${rounds} rounds each, wall time of the call in ms (median, all).`);
console.log("| Retry-After: 1 on the 202 | client | requests | wall ms | request arrivals (ms after the POST), last round |");
console.log("| --- | --- | --- | --- | --- |");
try {
  const tls = makeCertificates();
  const arm = await startArm(tls);
  const azlro = await azlroScript();
  const clients = [
    ['azlro (defaults)', azlro, []],
    ['azlro, intervalInMs: 0', azlro, ['0']],
    ['@azure/arm-containerservice 25.5.0 (defaults)', officialScript(), []],
  ];
  const rows = [];
  for (const initialRetryAfter of [false, true]) {
    for (const [name, script, args] of clients) {
      const times = [];
      let timeline = '';
      for (let i = 0; i < rounds; i++) {
        arm.reset(initialRetryAfter);
        const { ms } = await run(script, args, arm.url, tls.ca);
        times.push(ms);
        const t0 = arm.requests[0]?.at ?? 0;
        timeline = arm.requests.map((r) => `${r.method === 'POST' ? 'POST abort' : r.path.includes('operationStatus') ? 'GET status' : 'GET location'} @${Math.round(r.at - t0)}`).join(', ');
        rows.push({ name, initialRetryAfter, requests: arm.requests.length });
      }
      const count = rows.filter((r) => r.name === name && r.initialRetryAfter === initialRetryAfter).map((r) => r.requests);
      console.log(`| ${initialRetryAfter ? 'yes' : 'no'} | ${name} | ${[...new Set(count)].join('/')} | ${Math.round(median(times))} (${times.map(Math.round).join(', ')}) | ${timeline} |`);
    }
  }
  await arm.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
