import { connect } from 'node:net';
import { expect, test } from 'vitest';
import { expectExit, jsonOf, runCli, spawnCli } from './helpers.js';

/** True once nothing listens on `url`'s port any more. */
function refuses(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

// The three start emulators of their own on free ports, so they run at once.
test.concurrent('azlro emulator prints endpoints and commands that work as pasted; Ctrl-C closes it cleanly, exit 0', async () => {
  const emulator = spawnCli(['emulator'], { env: { AZLRO_ACCESS_TOKEN: undefined }, limitInMs: 60_000 });
  await emulator.waitFor(/Ctrl-C stops the emulator/, 'stdout');
  const printed = emulator.stdout;
  const endpoints = [...printed.matchAll(/^ {2}(?:ARM \(AKS\)|Cloud Partner|Batch) +(http:\/\/127\.0\.0\.1:\d+)$/gm)].map((m) => m[1]!);
  expect(endpoints).toHaveLength(3);

  // The export lines, as a shell would read them.
  const env: Record<string, string> = {};
  for (const [, assignments] of printed.matchAll(/^ {2}export (.+)$/gm)) {
    for (const pair of assignments!.split(' ')) {
      const [name, value] = pair.split('=');
      env[name!] = value!;
    }
  }
  expect(Object.keys(env).sort()).toEqual(['AZLRO_ACCESS_TOKEN', 'AZ_BATCH_ACCESS_KEY', 'AZ_BATCH_ACCOUNT']);

  // Each command with the exit code its comment announces (0 unless it says otherwise). This
  // PATH has no azlro, so the commands start with `npx azlro`, which runs from a project folder.
  expect(printed).not.toMatch(/^ {2}azlro /m);
  const commands = [...printed.matchAll(/^ {2}# (.+)\n {2}npx azlro (.+)$/gm)].map(([, comment, line]) => ({
    args: line!.split(' '),
    exit: Number(/\(exit (\d)\)/.exec(comment!)?.[1] ?? 0),
  }));
  expect(commands.length).toBeGreaterThanOrEqual(9);
  const runs = await Promise.all(commands.map(({ args }) => runCli([...args, '-o', 'json'], { env })));
  runs.forEach((run, i) => expectExit(run, commands[i]!.exit));
  expect(jsonOf(runs.at(-1)!).resumeToken).toEqual(expect.any(String)); // the --no-wait one

  expect(emulator.stderr).toMatch(/POST \/subscriptions\/.+\/abort -> 202/); // the request log
  emulator.child.kill('SIGINT');
  const run = await emulator.done;
  expectExit(run, 0);
  expect(run.stderr).toMatch(/emulator stopped/);
  for (const url of endpoints) expect(await refuses(url)).toBe(true);
}, 90_000);

test.concurrent('azlro emulator -o json: one JSON line with the endpoints at start; SIGTERM also closes it, exit 0', async () => {
  const emulator = spawnCli(['emulator', '-o', 'json'], { limitInMs: 60_000 });
  await emulator.waitFor(/\n/, 'stdout');
  const info = JSON.parse(emulator.stdout) as { status: string; endpoints: Record<string, string>; subscriptionId: string };
  expect(info).toMatchObject({ status: 'running', subscriptionId: expect.any(String), endpoints: { arm: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) } });
  emulator.child.kill('SIGTERM');
  const run = await emulator.done;
  expectExit(run, 0);
  for (const url of Object.values(info.endpoints)) expect(await refuses(url)).toBe(true);
}, 90_000);

test.concurrent('AZLRO_EMULATOR_START_TIMEOUT_MS is the start-up limit of azlro emulator: 1 ms fails the start (exit 3) naming the limit', async () => {
  const run = await runCli(['emulator'], { env: { AZLRO_ACCESS_TOKEN: undefined, AZLRO_EMULATOR_START_TIMEOUT_MS: '1' }, limitInMs: 60_000 });
  expectExit(run, 3);
  expect(run.stderr).toContain('did not start within 1 ms');
  expect(run.stderr).toContain('the emulator could not start');
});
