import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { mergeConfig } from 'vitest/config';
import { azlroVitestConfig } from '../../vitest.shared.ts';

// The CLI is tested as a real process: tests spawn dist/bin.js (the test target depends on build).
// Most of a file's time is spent waiting for those processes and the Retry-After they honour, not
// on CPU, so two files run at once (vitest's default on 2 cores is one) and their waits overlap.
// Not more: the files that start an emulator (Prism's modules load in each process that starts one,
// ~1 s of CPU) and the fault matrix's bursts of processes compete for 2 cores. Inside a file the
// spawns run concurrently.
//
// The order: the files that take longest first (measured: demo ~25 s, fault matrix ~20 s, ...), so
// the two workers end together. The demo starts its own emulator (the tests give the CLI a 10-minute
// start-up limit, AZLRO_EMULATOR_START_TIMEOUT_MS), so the quick in-process files and a file that mostly waits run beside its start-up, not the fault
// matrix's burst of processes; then an emulator file goes next to one that is not, so two emulators
// rarely start at the same moment. Files not listed follow in vitest's usual order.
const LONGEST_FIRST = [
  'demo',
  'unit',
  'args',
  'formats',
  'engines',
  'version',
  'throttling-and-blame',
  'fault-matrix',
  'emulator',
  'test-server',
  'emulator-command',
  'az-conventions',
  'command-invoke-emulator',
  'ecosystem',
  'nodepool-and-invoke',
].map((name) => `/test/${name}.test.ts`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((suffix) => file.moduleId.endsWith(suffix));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    const rest = await super.sort(files.filter((file) => rank(file) === LONGEST_FIRST.length));
    return [...files.filter((file) => rank(file) < LONGEST_FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}

export default mergeConfig(azlroVitestConfig({ testTimeout: 60_000 }), { test: { maxWorkers: 2, sequence: { sequencer: LongestFirst } } });
