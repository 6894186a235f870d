import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files run at once, in the root config (every project in one vitest, what `npm test` runs) and in
 * the CLI's own. One number for both: vitest refuses projects of one run with different
 * `maxWorkers` ("Provide unique 'sequence.groupOrder'"). Four on 2 cores: most test files' time is
 * waiting (CLI child processes, Chromium, Prism, Retry-After honoured in real time by the few
 * end-to-end tests), so four overlap those waits. More cost CPU for little time (every project's
 * files in one vitest, idle 2-core machine: 4 workers 68.7 s and 107 s of CPU, 5 67.1 s and 122 s,
 * 6 65.3 s and 123 s; the `threads` pool was no better, 71.6 s and 113 s with 4).
 */
export const WORKERS = 4;

/**
 * A sequencer that runs each project's files together, projects in the order of `projects` (names;
 * any other project after them), and within a project first the files whose path ends with one of
 * `longFiles`, in that order, then the rest in vitest's usual order.
 *
 * - Projects together: vitest gives a finished worker process the next file only when that file is
 *   of the same project; otherwise it stops the process and starts another, which loads vitest and
 *   the sources again (~0.5-1 s of CPU). Interleaved, the suite started about 35 worker processes.
 * - Long files first (measured durations), so the workers end together rather than one long file
 *   running alone at the end.
 */
export function longestFirst(longFiles: readonly string[], projects: readonly string[] = []): typeof BaseSequencer {
  return class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (list: readonly string[], i: number) => (i === -1 ? list.length : i);
      const fileRank = (file: TestSpecification) => rank(longFiles, longFiles.findIndex((suffix) => file.moduleId.endsWith(suffix)));
      const projectRank = (file: TestSpecification) => rank(projects, projects.indexOf(file.project.name));
      const usual = await super.sort(files);
      // Array#sort is stable: files of equal rank keep vitest's order.
      return usual.sort((a, b) => projectRank(a) - projectRank(b) || a.project.name.localeCompare(b.project.name) || fileRank(a) - fileRank(b));
    }
  };
}

/**
 * One vitest config for every package: tests import sibling workspace packages from their
 * TypeScript source (the `@azlro/source` export condition), never from a stale `dist/`.
 *
 * Type tests (`test/**\/*.test-d.ts`) are compiled by each package's `typecheck` target (plain
 * `tsc`, whose tsconfig includes test/): a failed `expectTypeOf` or an unused `@ts-expect-error`
 * fails it. Vitest's own typecheck mode is off because every project shares one
 * `node_modules/vitest/dist/tsconfig.tmp.tsbuildinfo`, which gave stale errors when nx ran
 * projects in parallel.
 */
export function azlroVitestConfig(options: { globalSetup?: string[]; testTimeout?: number; include?: string[]; exclude?: string[]; name?: string } = {}) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@azlro/source'] } },
    resolve: { conditions: ['@azlro/source'] },
    test: {
      ...(options.name ? { name: options.name } : {}),
      include: options.include ?? ['test/**/*.test.ts', 'src/**/*.test.ts'],
      ...(options.exclude ? { exclude: [...configDefaults.exclude, ...options.exclude] } : {}),
      globalSetup: options.globalSetup ?? [],
      testTimeout: options.testTimeout ?? 15_000,
      hookTimeout: 30_000,
      // Test files share their worker process (vitest's default starts a fresh one per file):
      // each fresh worker re-imports vitest, the transformed sources and undici, ~0.5 s of CPU per
      // file, which was a fifth of the suite's CPU on 2 cores. Files must therefore leave no global
      // state behind (environment variables, global dispatchers, loggers): restore what you change.
      isolate: false,
    },
  });
}
