import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '@azlro/emulator';
import { ManualClock } from '@azlro/http/testing';
import { expectExit, jsonOf, runCli } from './helpers.js';

// A command that runs twelve minutes, followed by `azlro aks command invoke` with no option
// given (no --timeout, no --no-wait): the acceptance test. The emulator runs on a
// ManualClock that moves three minutes each time the command's result is read, so twelve minutes
// pass in five polls (each after the emulator's Retry-After: 1, real seconds in the CLI), the same
// however busy the machine is. az gives up on such a command after about five minutes.
const MINUTES_PER_POLL = 3;
const clock = new ManualClock({ epochAtStart: Date.UTC(2026, 0, 1) });
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    clock,
    startTimeoutInMs: 120_000,
    logger: {
      verbose: () => {},
      warning: () => {},
      error: () => {},
      // One line per request, after its answer: the next read of the result finds three minutes gone.
      info: (line) => {
        if (/^GET \S+\/commandResults\/\S+ -> 202$/.test(line)) clock.advance(MINUTES_PER_POLL * 60_000);
      },
    },
  });
}, 150_000);
afterAll(async () => {
  await emulator?.close();
});

test('a command that runs 12 minutes is followed to its result with no option given', async () => {
  const { info, endpoints } = emulator;
  const run = await runCli(
    ['aks', 'command', 'invoke', '--endpoint', endpoints.arm, '--subscription', info.subscriptionId, '-g', info.resourceGroupName, '-n', 'aks-12min',
      '--command', info.runCommand.twelveMinutes, '-o', 'json'],
    { limitInMs: 120_000 },
  );
  expectExit(run, 0);
  const json = jsonOf(run);
  expect(json).toMatchObject({ operation: 'aks command invoke', status: 'succeeded', exitCode: 0, result: { properties: { provisioningState: 'succeeded', exitCode: 0 } } });
  const { startedAt, finishedAt, logs } = json.result.properties as { startedAt: string; finishedAt: string; logs: string };
  expect(Date.parse(finishedAt) - Date.parse(startedAt)).toBe(12 * 60_000);
  expect(logs).toBe(`$ ${info.runCommand.twelveMinutes}\ncontext: 0 file(s)\nran 720 s on aks-12min (azlro emulator), exit code 0\n`);
  // The POST, four reads while it ran (0, 3, 6, 9 minutes) and the one at 12 that found it done.
  expect(json.requests).toBe(1 + 720 / (MINUTES_PER_POLL * 60) + 1);
}, 150_000);
