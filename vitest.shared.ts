import { defineConfig } from 'vitest/config';

/**
 * One vitest config for every package: tests import sibling workspace packages from their
 * TypeScript source (the `@azlro/source` export condition), never from a stale `dist/`.
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
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  });
}
