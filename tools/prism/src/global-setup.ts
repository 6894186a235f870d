import { fileURLToPath } from 'node:url';
import { startPrism } from '@azlro/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock serving the package's spec. */
    prismUrl: string;
  }
}

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
    const prism = await startPrism({ spec: specPath(service), mode: 'mock' });
    project.provide('prismUrl', prism.url);
    return () => prism.close();
  };
}

/** Absolute path of a spec in `specs/`. */
export function specPath(service: 'containerservice' | 'batch' | 'cloudpartner'): string {
  return fileURLToPath(new URL(`../../../specs/${service}.yaml`, import.meta.url));
}
