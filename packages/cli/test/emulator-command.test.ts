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
  // 13 commands one after the other, each waiting the emulator's real timings (up to ~3 s): ~20 s idle.
  const emulator = spawnCli(['emulator'], { env: { AZLRO_ACCESS_TOKEN: undefined }, limitInMs: 170_000 });
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
  // Words as a shell splits them: a double-quoted argument (`--command "kubectl get pods -A"`) is one.
  const commands = [...printed.matchAll(/^ {2}# (.+)\n {2}npx azlro (.+)$/gm)].map(([, comment, line]) => ({
    line: line!,
    args: [...line!.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, word]) => quoted ?? word!),
    exit: Number(/\(exit (\d)\)/.exec(comment!)?.[1] ?? 0),
  }));
  // All six operations: aks abort, aks nodepool abort, aks command-result, aks command invoke, partner cancel, batch.
  const operations = new Set(commands.map(({ args }) => args.slice(0, args.findIndex((a) => a.startsWith('-'))).join(' ')));
  expect([...operations].sort()).toEqual(['aks abort', 'aks command invoke', 'aks command-result', 'aks nodepool abort', 'batch cancel-certificate-deletion', 'partner cancel']);
  // One after the other, in the order printed, as someone pasting them does: a command must not
  // depend on running beside another (once the first abort has canceled its cluster, another abort there is a 409).
  const runs = [];
  for (const { args } of commands) runs.push(await runCli([...args, '-o', 'json'], { env }));
  runs.forEach((run, i) => expect(run.code, `exit code of ${commands[i]!.line}\nstderr: ${run.stderr.slice(0, 2000)}`).toBe(commands[i]!.exit));
  expect(jsonOf(runs.at(-1)!).resumeToken).toEqual(expect.any(String)); // the --no-wait one

  expect(emulator.stderr).toMatch(/POST \/subscriptions\/.+\/abort -> 202/); // the request log
  emulator.child.kill('SIGINT');
  const run = await emulator.done;
  expectExit(run, 0);
  expect(run.stderr).toMatch(/emulator stopped/);
  for (const url of endpoints) expect(await refuses(url)).toBe(true);
}, 180_000);

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
