import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorService } from './info.js';

/** The spec each service's Prism proxy validates against. */
export const SPEC_FILES: Readonly<Record<EmulatorService, string>> = {
  arm: 'containerservice.yaml',
  cloudPartner: 'cloudpartner.yaml',
  batch: 'batch.yaml',
};

/** The package root: `src/` and `dist/` both sit one level below it. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the specs are. Inside the azlro repository, the repository's own `specs/` (never a stale
 * copy); once published, the copy the build put in the package's `specs/`.
 */
export function specsDirectory(packageRoot: string = PACKAGE_ROOT): string {
  const workspace = resolve(packageRoot, '..', '..');
  const repositorySpecs = join(workspace, 'specs');
  const isRepository = existsSync(join(workspace, 'nx.json')) &&
    Object.values(SPEC_FILES).every((file) => existsSync(join(repositorySpecs, file)));
  if (isRepository) return repositorySpecs;
  const packaged = join(packageRoot, 'specs');
  const missing = Object.values(SPEC_FILES).filter((file) => !existsSync(join(packaged, file)));
  if (missing.length > 0) {
    throw new Error(`@azlro/emulator: ${missing.join(', ')} missing from ${packaged} (in the repository, run \`nx run @azlro/emulator:copy-specs\`)`);
  }
  return packaged;
}
