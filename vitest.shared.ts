import { defineConfig } from 'vitest/config';

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
export function azlroVitestConfig(options: { globalSetup?: string[]; testTimeout?: number } = {}) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@azlro/source'] } },
    resolve: { conditions: ['@azlro/source'] },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
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
