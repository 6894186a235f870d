import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The CLI's test files in the order they run: the files that take longest first (measured: demo
// ~25 s, fault matrix ~20 s, ...), so the workers end together. The demo starts its own emulator
// (the tests give the CLI a 10-minute start-up limit, AZLRO_EMULATOR_START_TIMEOUT_MS), so the quick
// in-process files and a file that mostly waits run beside its start-up, not the fault matrix's
// burst of processes; then an emulator file goes next to one that is not, so two emulators rarely
// start at the same moment. Files not listed (and every other project's files, when the root
// config runs all projects in one vitest) follow in vitest's usual order.
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
].map((name) => `/packages/cli/test/${name}.test.ts`);

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((suffix) => file.moduleId.endsWith(suffix));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    const rest = await super.sort(files.filter((file) => rank(file) === LONGEST_FIRST.length));
    return [...files.filter((file) => rank(file) < LONGEST_FIRST.length).sort((a, b) => rank(a) - rank(b)), ...rest];
  }
}
