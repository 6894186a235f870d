import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '@azlro/http/testing';
import { startEmulator, type RunningEmulator } from '@azlro/emulator';

// Emulators of its own: one with a spec-breaking backend, on fixed ports, which the last test closes.

const sub = '00000000-0000-0000-0000-000000000000';
const bearer = { authorization: 'Bearer t' };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves to whether something accepts connections on `url`'s port. */
function isListening(url: string): Promise<boolean> {
  return fetch(url).then(() => true, () => false);
}

/** Process ids of this process's children whose command line mentions Prism. */
function prismChildren(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('prism-cli')).map((line) => Number.parseInt(line, 10));
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
  // Two minutes for Prism on a loaded machine (it takes ~2 s on a quiet one).
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
    expect(emulator.processes.map((p) => p.service)).toEqual(['arm', 'cloudPartner', 'batch']);
    // startupInMs is the start-up's own time: what the caller waited, less the hand-off of the result
    // (the 250 ms of slack is for a loaded machine; Prism alone takes well over a second to start).
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

  test('aborting mid start-up stops every process started so far', async () => {
    const before = prismChildren();
    const controller = new AbortController();
    const starting = startEmulator({ abortSignal: controller.signal });
    // Abort once the three Prism processes are there (they take over a second to listen).
    let during = prismChildren();
    while (during.length - before.length < 3) {
      await new Promise((r) => setTimeout(r, 10));
      during = prismChildren();
    }
    controller.abort(new Error('changed my mind'));
    await expect(starting).rejects.toThrow('changed my mind');
    expect(during.length - before.length).toBe(3);
    expect(prismChildren()).toEqual(before);
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
  test('stops the backend and every Prism process; nothing is left listening or running', async () => {
    const pids = emulator.processes.map((p) => p.pid);
    expect(pids.every(isRunning)).toBe(true);
    // The backend's address only appears on the Prism command lines.
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(pids[0])], { encoding: 'utf8' });
    const backendUrl = /proxy \S+ (http:\/\/127\.0\.0\.1:\d+)/.exec(args)![1]!;
    const urls = [...Object.values(emulator.endpoints), backendUrl];
    expect(await Promise.all(urls.map(isListening))).toEqual([true, true, true, true]);

    await emulator.close();
    expect(pids.filter(isRunning)).toEqual([]);
    expect(prismChildren()).toEqual([]);
    expect(await Promise.all(urls.map(isListening))).toEqual([false, false, false, false]);
    await emulator.close(); // idempotent
  });
});
