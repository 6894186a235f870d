// onProgress, operationState snapshots, and unknown service statuses (kept polling, logged).
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, type OperationState } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, fast, recordingLogger, SECRET, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());


describe('onProgress', () => {
  test('is called after every response; unsubscribing stops it', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress', { percentComplete: 10 }), status('InProgress', { percentComplete: 60 }), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    const all: OperationState<void>[] = [];
    const firstTwo: number[] = [];
    poller.onProgress((state) => all.push(state));
    const unsubscribe = poller.onProgress((state) => {
      firstTwo.push(state.pollCount);
      if (state.pollCount === 1) unsubscribe();
    });
    await poller;
    expect(all.map((s) => [s.status, s.pollCount, s.percentComplete])).toEqual([
      ['running', 0, undefined],
      ['running', 1, 10],
      ['running', 2, 60],
      ['succeeded', 3, undefined],
    ]);
    expect(firstTwo).toEqual([0, 1]);
  });

  test('a callback that throws: the others still run, the wait rejects with its error, and a second wait carries on', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
    const logger = recordingLogger();
    const poller = abortLatestOperation(aksClient(server), cluster, { ...fast(), logger });
    const bug = new Error('listener bug');
    const seenByOther: number[] = [];
    poller.onProgress((state) => {
      if (state.pollCount === 1) throw bug;
    });
    poller.onProgress((state) => seenByOther.push(state.pollCount));
    await expect(poller.pollUntilDone()).rejects.toBe(bug);
    expect(poller.operationState).toMatchObject({ status: 'running', pollCount: 1 });
    await expect(poller.pollUntilDone()).resolves.toBeUndefined();
    expect(seenByOther).toEqual([0, 1, 2]);
    expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([
      'error containerservice.abortLatestOperation: an onProgress callback threw: Error: listener bug',
    ]);
  });

  test('takes only a function', () => {
    server.route('POST', ABORT_PATH, { status: 204 });
    const poller = abortLatestOperation(aksClient(server), cluster);
    expect(() => poller.onProgress('log' as never)).toThrow(new TypeError('callback must be a function; got string'));
  });
});

describe('operationState', () => {
  test('is notStarted until the initial response, then a frozen snapshot', async () => {
    server.route('POST', ABORT_PATH, { ...accepted(server), delayInMs: 30 });
    const poller = abortLatestOperation(aksClient(server), cluster);
    expect(poller.operationState).toEqual({ kind: 'containerservice.abortLatestOperation', status: 'notStarted', requestIds: {}, pollCount: 0 });
    expect(poller.isDone).toBe(false);
    await poller.submitted();
    const snapshot = poller.operationState;
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(snapshot.status).toBe('running');
  });
});

describe('unknown service statuses', () => {
  test('keep polling, and each is logged as a warning with where it came from', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('Provisioning'), status('Defragmenting'), status('Succeeded')]);
    const logger = recordingLogger();
    const poller = abortLatestOperation(aksClient(server), cluster, { ...fast(), logger });
    const seenStates: string[] = [];
    poller.onProgress((s) => seenStates.push(`${s.status}:${s.serviceStatus ?? ''}`));
    await poller;
    expect(seenStates).toEqual(['running:', 'running:Provisioning', 'running:Defragmenting', 'succeeded:Succeeded']);
    const url = `${server.url}${STATUS_PATH}?api-version=2024-02-01`;
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([
      `warning containerservice.abortLatestOperation: unknown status "Provisioning" from GET ${url}; taken as still running (logged once per word)`,
      `warning containerservice.abortLatestOperation: unknown status "Defragmenting" from GET ${url}; taken as still running (logged once per word)`,
    ]);
  });

  test('a status body without a status keeps polling too', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [{ json: { percentComplete: 5 } }, status('Succeeded')]);
    const logger = recordingLogger();
    await abortLatestOperation(aksClient(server), cluster, { ...fast(), logger });
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toHaveLength(1);
  });

  test('log lines never hold the credential, and each poll is logged at verbose', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
    const logger = recordingLogger();
    await abortLatestOperation(aksClient(server), cluster, { ...fast(), logger });
    expect(logger.lines.filter((l) => l.startsWith('verbose'))).toEqual([
      'verbose containerservice.abortLatestOperation: initial response: 202 running, next poll in 5 ms',
      'verbose containerservice.abortLatestOperation: poll 1: 200 running, next poll in 5 ms',
      'verbose containerservice.abortLatestOperation: poll 2: 200 succeeded',
    ]);
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });
});
