import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '@azlro/http/testing';
import { startEmulator, type RunningEmulator } from '@azlro/emulator';

// Emulators of its own: one with a spec-breaking backend, on fixed ports, which the last test closes.

const sub = '00000000-0000-0000-0000-000000000000';
const bearer = { authorization: 'Bearer t' };

/** How many servers of this process listen (Prism runs in this process: its servers count too). */
function listeningServers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;
}

/** The count once closed servers' handles are gone: Node drops them in the loop turn after their 'close' event. */
async function settledServers(): Promise<number> {
  await new Promise((r) => setTimeout(r, 0));
  return listeningServers();
}

/** Resolves to whether something accepts connections on `url`'s port. */
function isListening(url: string): Promise<boolean> {
  return fetch(url).then(() => true, () => false);
}


/** A port whose next two are (very likely) free too. */
async function freePortRun(): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (port > 65_533) continue;
    const probes = await Promise.all([port + 1, port + 2].map((p) => isListening(`http://127.0.0.1:${p}`)));
    if (!probes.some(Boolean)) return port;
  }
}

let emulator: RunningEmulator;
let port: number;
/** What the caller of startEmulator waited, measured from outside. */
let waitedInMs: number;
/** The emulator's operations run on this clock: they end when a test moves it. */
const clock = new ManualClock();
beforeAll(async () => {
  port = await freePortRun();
  const started = performance.now();
  // Two minutes for Prism on a loaded machine (about a second on a quiet one).
  emulator = await startEmulator({ port, clock, timings: { abortInMs: 60_000 }, faults: { invalidResponseBodies: true }, startTimeoutInMs: 120_000 });
  waitedInMs = performance.now() - started;
  console.info(`emulator start-up: ${emulator.startupInMs} ms (three Prism proxies in parallel)`);
}, 150_000);
afterAll(() => emulator.close());

describe('startEmulator', () => {
  test('port N gives ARM N, Cloud Partner N+1, Batch N+2, all on 127.0.0.1; url is the ARM endpoint', () => {
    expect(emulator.endpoints).toEqual({
      arm: `http://127.0.0.1:${port}`,
      cloudPartner: `http://127.0.0.1:${port + 1}`,
      batch: `http://127.0.0.1:${port + 2}`,
    });
    expect(emulator.url).toBe(emulator.endpoints.arm);
    expect(emulator.info.endpoints).toEqual(emulator.endpoints);
    expect(emulator.proxies.map((p) => p.service)).toEqual(['arm', 'cloudPartner', 'batch']);
    // startupInMs is the start-up's own time: what the caller waited, less the hand-off of the result
    // (the 250 ms of slack is for a loaded machine; reading three specs takes far longer).
    expect(emulator.startupInMs).toBeLessThanOrEqual(Math.ceil(waitedInMs));
    expect(emulator.startupInMs).toBeGreaterThanOrEqual(waitedInMs - 250);
  });

  test('clock: an abort is Canceling until the test moves the emulator\'s clock past abortInMs', async () => {
    const accepted = await fetch(`${emulator.url}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/on-the-clock/abort?api-version=2024-02-01`, {
      method: 'POST',
      headers: bearer,
    });
    const result = accepted.headers.get('location')!; // answers carry no body, so the broken-bodies fault leaves them alone
    const statuses = [(await fetch(result, { headers: bearer })).status];
    await clock.advance(59_999);
    statuses.push((await fetch(result, { headers: bearer })).status);
    await clock.advance(1);
    statuses.push((await fetch(result, { headers: bearer })).status);
    expect(statuses).toEqual([202, 202, 204]);
  });

  test('an already aborted signal: rejects with its reason, starts nothing', async () => {
    const reason = new Error('not today');
    await expect(startEmulator({ abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  test('aborting mid start-up stops every server started so far', async () => {
    const before = listeningServers();
    const controller = new AbortController();
    const starting = startEmulator({ abortSignal: controller.signal });
    // Abort once the backend listens (the Prism servers are still reading their specs).
    let during = listeningServers();
    while (during === before) {
      await new Promise((r) => setTimeout(r, 1));
      during = listeningServers();
    }
    controller.abort(new Error('changed my mind'));
    await expect(starting).rejects.toThrow('changed my mind');
    expect(during).toBeGreaterThan(before);
    expect(await settledServers()).toBe(before);
  });

  test('bad options throw before anything starts', async () => {
    await expect(startEmulator({ port: -1 })).rejects.toThrow(RangeError);
    await expect(startEmulator({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(RangeError);
    await expect(startEmulator({ timings: { abortInMs: Number.NaN } })).rejects.toThrow(RangeError);
    await expect(startEmulator({ batchAccounts: [{ name: 'a:b', key: 'AAAA' }] })).rejects.toThrow(TypeError);
  });
});

describe('Prism catches a backend that breaks the spec', () => {
  test('a body-bearing answer of every service becomes a 500 listing the violations', async () => {
    const { arm, cloudPartner, batch } = emulator.endpoints;
    const accepted = await fetch(`${arm}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedclusters/aks/abort?api-version=2024-02-01`, {
      method: 'POST',
      headers: bearer,
    });
    expect(accepted.status).toBe(202); // no body to break
    const broken = [
      await fetch(accepted.headers.get('azure-asyncoperation')!, { headers: bearer }),
      await fetch(`${arm}/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/missing-aks/commandResults/c?api-version=2024-09-01`, { headers: bearer }),
      await fetch(`${cloudPartner}/api/operations/unknown?api-version=2017-10-31`, { headers: bearer }),
      await fetch(`${batch}/certificates(thumbprintAlgorithm=sha1,thumbprint=dead456789abcdef0123456789abcdef01234567)/canceldelete?api-version=2023-11-01.18.0`, {
        method: 'POST',
        headers: bearer,
      }),
    ];
    for (const response of broken) {
      expect(response.status).toBe(500);
      const violations = JSON.parse(response.headers.get('sl-violations')!) as { location: string[]; severity: string }[];
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.every((v) => v.location[0] === 'response' && v.severity === 'Error')).toBe(true);
      expect(await response.json()).toMatchObject({ type: 'https://stoplight.io/prism/errors#VIOLATIONS', status: 500 });
    }
  });
});

describe('close()', () => {
  test('stops the front doors, every Prism server and the backend; nothing is left listening', async () => {
    const backendUrl = emulator.proxies[0]!.upstream;
    expect(emulator.proxies.every((p) => p.upstream === backendUrl)).toBe(true);
    const urls = [...Object.values(emulator.endpoints), ...emulator.proxies.map((p) => p.url), backendUrl];
    expect(new Set(urls).size).toBe(7);
    expect(await Promise.all(urls.map(isListening))).toEqual(urls.map(() => true));
    const servers = listeningServers();

    await emulator.close();
    expect(await Promise.all(urls.map(isListening))).toEqual(urls.map(() => false));
    expect(servers - (await settledServers())).toBe(7);
    await emulator.close(); // idempotent
  });
});
