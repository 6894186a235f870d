// docs/recipes.md, runnable: each ```ts block there must be identical to the snippet regions of
// one file in test/recipes/ (the last test checks), and each recipe runs here against the emulator.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContainerServiceClient, type ManagedClusterParams } from '@azlro/containerservice';
import { StaticTokenCredential } from '@azlro/http';
import { abortLatestOperation, parseResumeToken, restorePoller } from '@azlro/lro';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { abortNodepoolUpgrade } from './recipes/abort-nodepool-upgrade.js';
import { abortStuckUpgrade } from './recipes/abort-stuck-upgrade.js';
import { collectCommandResult } from './recipes/command-result.js';
import { snippetOf, tsBlocksOf, type RecipeContext } from './recipes/context.js';
import { fleetAbort } from './recipes/fleet-abort.js';
import { resumeAfterRestart } from './recipes/resume-after-restart.js';
import { runCommandInCi } from './recipes/run-command-in-ci.js';

const info = inject('emulator');
const credential = new StaticTokenCredential('recipe-token');

function clusterNamed(resourceName: string): ManagedClusterParams {
  return { subscriptionId: info.subscriptionId, resourceGroupName: info.resourceGroupName, resourceName };
}

/** A context whose console records every line a recipe prints. */
function context(overrides: Partial<RecipeContext> = {}): RecipeContext & { printed: string[] } {
  const printed: string[] = [];
  return {
    endpoint: info.endpoints.arm,
    credential,
    cluster: clusterNamed('recipe-default'),
    fleet: [],
    console: { log: (...values) => printed.push(values.map(String).join(' ')) },
    printed,
    ...overrides,
  };
}

// The recipes run at once (test.concurrent): each names its own clusters and token files, and most of
// their time is the emulator's Retry-After (1 s) honoured in real time, so one after another took
// ~22 s and together take about as long as the longest (the fleet, ~4 s).
// The resume recipe writes its token file in the working directory: give it a scratch one.
const initialCwd = process.cwd();
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'azlro-recipes-'));
  process.chdir(scratch);
});
afterAll(async () => {
  process.chdir(initialCwd);
  await rm(scratch, { recursive: true, force: true });
});

test.concurrent('abort a stuck upgrade and wait: progress, done; a second abort finds nothing to abort', async () => {
  const first = context({ cluster: clusterNamed('recipe-upgrade') });
  await abortStuckUpgrade(first);
  expect(first.printed[0]).toBe('running'); // the 202
  expect(first.printed.slice(1, -2)).toEqual([expect.stringMatching(/^running InProgress \d+$/)]);
  expect(first.printed.slice(-2)).toEqual([expect.stringMatching(/^succeeded Succeeded( 100)?$/), 'upgrade aborted']);

  const again = context({ cluster: clusterNamed('recipe-upgrade') });
  await abortStuckUpgrade(again);
  expect(again.printed).toEqual(['nothing to abort: the operation had already finished']);
  expect(process.listenerCount('SIGINT')).toBe(0);
});

test.concurrent("collect a command result that outlives az's 5 minutes: exit code and logs, or the failure's reason", async () => {
  const succeeded = context({ cluster: clusterNamed('recipe-command') });
  await collectCommandResult(succeeded, info.commands.succeeds);
  expect(succeeded.printed[0]).toMatch(/^exit code 0, ran \S+ → \S+$/);
  expect(succeeded.printed).toHaveLength(2);

  const failed = context({ cluster: clusterNamed('recipe-command') });
  await collectCommandResult(failed, info.commands.fails);
  expect(failed.printed).toEqual(['command failed: ImagePullBackoff']);
});

test.concurrent('resume after a restart: a fresh run sends the abort once and follows it', async () => {
  const run = context({ cluster: clusterNamed('recipe-resume-fresh') });
  await resumeAfterRestart(run);
  expect(run.printed).toEqual(['recipe-resume-fresh: abort finished']);
  expect(existsSync('recipe-resume-fresh.abort.token')).toBe(false);
});

test.concurrent('resume after a restart: a token left by a process that died is followed, and the abort is not sent again', async () => {
  const cluster = clusterNamed('recipe-resume-restart');
  const aks = createContainerServiceClient({ endpoint: info.endpoints.arm, credential });
  // The process that died: it sent the abort and wrote the token, then stopped.
  const token = await abortLatestOperation(aks, cluster).serialize();
  await writeFile('recipe-resume-restart.abort.token', token);
  expect(parseResumeToken(token).state.status).toBe('running');
  // Let the abort finish at the service (the emulator ends it on its 2nd poll): sending it again
  // now would get 409 and throw.
  await restorePoller(aks, token);

  const run = context({ cluster });
  await resumeAfterRestart(run);
  expect(run.printed).toEqual(['recipe-resume-restart: abort finished']);
});

test.concurrent('fleet-wide abort with bounded concurrency: at most 4 at a time, every outcome reported', async () => {
  const slow = Array.from({ length: 8 }, (_, i) => clusterNamed(`recipe-fleet-${i + 1}`));
  const fleet = [
    ...slow,
    clusterNamed(`${info.clusters.nothingToAbort}-fleet`),
    clusterNamed(`${info.clusters.abortConflict}-fleet`),
    clusterNamed(`${info.clusters.notFound}-fleet`),
  ];
  const run = context({ fleet });
  const started = performance.now();
  await fleetAbort(run);
  const elapsed = performance.now() - started;

  expect(run.printed).toEqual([
    ...slow.map((c) => `${c.resourceName}: aborted`),
    'idle-aks-fleet: nothing was running',
    'finished-aks-fleet: finished before the abort',
    expect.stringMatching(/^missing-aks-fleet: failed: .*404/),
  ]);
  // Each abort takes two polls a Retry-After (1 s) apart, so ~2 s: 8 of them 4 at a time need two
  // rounds (>= 4 s); all at once would take ~2 s, one by one ~16 s. Real time on purpose (the
  // recipe's own waits); the lower bound is the point, the upper one is generous.
  expect(elapsed).toBeGreaterThanOrEqual(3_900);
  expect(elapsed).toBeLessThan(10_000);
});

test.concurrent('abort a stuck node-pool upgrade: progress, done; a second abort finds nothing to abort', async () => {
  const first = context({ cluster: clusterNamed('recipe-pool') });
  await abortNodepoolUpgrade(first, 'nodepool1');
  expect(first.printed[0]).toBe('running');
  expect(first.printed.slice(-2)).toEqual(['succeeded Succeeded', 'nodepool1: upgrade aborted']);
  const again = context({ cluster: clusterNamed('recipe-pool') });
  await abortNodepoolUpgrade(again, 'nodepool1');
  expect(again.printed).toEqual(['nodepool1: nothing to abort']);
});

test.concurrent('run a command in CI and collect its exit code: the logs, then the exit code the job exits with', async () => {
  const ok = context({ cluster: clusterNamed('recipe-ci') });
  expect(await runCommandInCi(ok, 'kubectl get pods -A')).toBe(0);
  expect(ok.printed[0]).toMatch(/^\$ kubectl get pods -A\n/);
  expect(ok.printed.at(-1)).toBe('exit code 0');
  const failing = context({ cluster: clusterNamed('recipe-ci') });
  expect(await runCommandInCi(failing, info.runCommand.exitsNonZero)).toBe(3);
  expect(failing.printed.at(-1)).toBe('exit code 3');
});

test("docs/recipes.md's ```ts blocks are exactly these recipes, in order", () => {
  const recipes = ['abort-stuck-upgrade', 'abort-nodepool-upgrade', 'command-result', 'run-command-in-ci', 'resume-after-restart', 'fleet-abort'].map((name) =>
    snippetOf(new URL(`./recipes/${name}.ts`, import.meta.url)),
  );
  expect(tsBlocksOf(new URL('../../../docs/recipes.md', import.meta.url))).toEqual(recipes);
});
