// What Node loads for `import '@azlro/lro'`: the build keeps @azlro/* imports as imports
// (tools/build/build-package.mjs, `packages: 'external'`), so the external imports esbuild finds from
// the entry are the packages Node resolves and loads (cold import, issue 14).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

test('importing @azlro/lro loads @azlro/http/internal and @azlro/containerservice, not batch or cloudpartner', async () => {
  const { metafile } = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true, packages: 'external', format: 'esm', platform: 'neutral', write: false, metafile: true, logLevel: 'silent', outfile: 'out.js',
  });
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  // Batch and Cloud Partner Portal clients carry the send functions lro calls (SERVICE_OPERATIONS).
  expect([...new Set(imports)].sort()).toEqual(['@azlro/containerservice', '@azlro/http/internal']);
});
