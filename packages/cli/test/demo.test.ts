import { expect, test } from 'vitest';
import { expectExit, runCli } from './helpers.js';

// One real demo (it starts its own emulator); its JSON summary is checked in-process in unit.test.ts.
test('azlro demo runs every operation against its own emulator, exits 0 and prints the summary', async () => {
  const run = await runCli(['demo'], { env: { AZLRO_ACCESS_TOKEN: undefined }, limitInMs: 90_000 });
  expectExit(run, 0);
  for (let step = 1; step <= 8; step++) expect(run.stdout).toContain(`${step}/8`);
  expect(run.stdout).toMatch(/✔ aks abort succeeded/);
  expect(run.stdout).toMatch(/✔ aks command-result succeeded/);
  expect(run.stdout).toMatch(/✔ aks nodepool abort succeeded/);
  expect(run.stdout).toMatch(/✔ aks command invoke succeeded/);
  expect(run.stdout).toMatch(/logs +\$ kubectl get pods -A\n/);
  expect(run.stdout).toMatch(/✔ partner cancel succeeded/);
  expect(run.stdout).toMatch(/✔ batch cancel-certificate-deletion succeeded/);
  expect(run.stdout).toMatch(/retired on 2024-02-29/);
  expect(run.stdout).toMatch(/✔ Retry-After honoured/);
  expect(run.stdout).toMatch(/checked: the bearer token is not in it/);
  expect(run.stdout).toMatch(/\nSummary\n/);
  expect(run.stdout).toMatch(/✔ every operation ended as expected/);
  expect(run.stdout).toMatch(/✔ Retry-After: all \d+ requests that followed an answer asking for a delay waited at least that long/);
  expect(run.stdout).not.toMatch(/✖ (?!batch cancel-certificate-deletion: the Batch certificate feature was retired)/);
  expect(run.stderr).toMatch(/\[process \d+\]/); // the resumed wait ran in another process
}, 120_000);
