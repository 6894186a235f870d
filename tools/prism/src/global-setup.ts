import { fileURLToPath } from 'node:url';
import { startPrism } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock serving the package's spec. */
    prismUrl: string;
  }
}

/**
 * How long tests wait for Prism to listen. Alone it starts in about a second (loading Prism's modules,
 * once per process), but starts beside a build on a busy 2-core CI machine have taken 30 s and more:
 * a start-up timeout is not what these tests are about, so they wait generously (the library default
 * stays 30 s).
 */
export const TEST_PRISM_START_TIMEOUT_IN_MS = 120_000;

/** The slice of vitest's `TestProject` a global setup needs (kept structural to avoid a vitest/node import). */
export interface ProvidingProject {
  provide(key: 'prismUrl', value: string): void;
}

/**
 * A vitest `globalSetup` that mocks `specs/<service>.yaml` with Prism for the whole test run and
 * stops it afterwards, even when tests fail. Tests read the URL with `inject('prismUrl')`.
 */
export function prismGlobalSetup(service: 'containerservice' | 'batch' | 'cloudpartner') {
  return async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
    const prism = await startPrism({ spec: specPath(service), mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS });
    project.provide('prismUrl', prism.url);
    return () => prism.close();
  };
}

/** Absolute path of a spec in `specs/`. */
export function specPath(service: 'containerservice' | 'batch' | 'cloudpartner'): string {
  return fileURLToPath(new URL(`../../../specs/${service}.yaml`, import.meta.url));
}
