// 1. Bundle size: esbuild (bundle + minify, ESM), then gzip -9, for the browser and for Node, of the
// code an application needs for each operation: create the client and call it (the credential is
// the caller's, so @azure/identity is in neither bundle). azlro is bundled from its built dist/.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatKb, formatRatio, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

const azlro = {
  abort: `import { createContainerServiceClient } from '@azlro/containerservice';
    import { abortLatestOperation } from '@azlro/lro';
    export async function run(endpoint, credential, c) {
      await abortLatestOperation(createContainerServiceClient({ endpoint, credential }), c);
    }`,
  commandResult: `import { createContainerServiceClient } from '@azlro/containerservice';
    import { waitForCommandResult } from '@azlro/lro';
    export function run(endpoint, credential, c) {
      return waitForCommandResult(createContainerServiceClient({ endpoint, credential }), c);
    }`,
  cancelOffer: `import { createCloudPartnerClient } from '@azlro/cloudpartner';
    import { cancelOfferOperation } from '@azlro/lro';
    export function run(endpoint, credential, offer) {
      return cancelOfferOperation(createCloudPartnerClient({ endpoint, credential }), offer);
    }`,
  cancelDeletion: `import { createBatchClient } from '@azlro/batch';
    import { cancelCertificateDeletion } from '@azlro/lro';
    export function run(endpoint, credential, thumbprint) {
      return cancelCertificateDeletion(createBatchClient({ endpoint, credential }), { thumbprint });
    }`,
  everything: `export * as http from '@azlro/http';
    export * as containerservice from '@azlro/containerservice';
    export * as batch from '@azlro/batch';
    export * as cloudpartner from '@azlro/cloudpartner';
    export * as lro from '@azlro/lro';`,
};

const official = {
  abort: `import { ContainerServiceClient } from '@azure/arm-containerservice';
    export async function run(endpoint, credential, c) {
      const client = new ContainerServiceClient(credential, c.subscriptionId, { endpoint });
      await client.managedClusters.abortLatestOperation(c.resourceGroupName, c.resourceName);
    }`,
  commandResult: `import { ContainerServiceClient } from '@azure/arm-containerservice';
    export function run(endpoint, credential, c) {
      const client = new ContainerServiceClient(credential, c.subscriptionId, { endpoint });
      return client.managedClusters.getCommandResult(c.resourceGroupName, c.resourceName, c.commandId);
    }`,
  cancelDeletion: `import { BatchServiceClient } from '@azure/batch';
    export function run(endpoint, credential, thumbprint) {
      return new BatchServiceClient(credential, endpoint).certificate.cancelDeletion('sha1', thumbprint);
    }`,
  everything: `export * as containerservice from '@azure/arm-containerservice';
    export * as batch from '@azure/batch';`,
};

/** The official AKS package's tree-shakable "modular" API (subpath exports), the smallest it gets. */
const officialModular = {
  abort: `import { createContainerService } from '@azure/arm-containerservice/api';
    import { abortLatestOperation } from '@azure/arm-containerservice/api/managedClusters';
    export async function run(endpoint, credential, c) {
      await abortLatestOperation(createContainerService(credential, c.subscriptionId, { endpoint }), c.resourceGroupName, c.resourceName);
    }`,
  commandResult: `import { createContainerService } from '@azure/arm-containerservice/api';
    import { getCommandResult } from '@azure/arm-containerservice/api/managedClusters';
    export function run(endpoint, credential, c) {
      return getCommandResult(createContainerService(credential, c.subscriptionId, { endpoint }), c.resourceGroupName, c.resourceName, c.commandId);
    }`,
};

const operations = [
  ['abort', 'create the client + abort-and-wait (AKS Abort Latest Operation)', 'abortLatestOperation (waits)', 'managedClusters.abortLatestOperation (waits)'],
  ['commandResult', 'AKS command result', 'waitForCommandResult (polls to the result)', 'managedClusters.getCommandResult (one GET; it has no waiter)'],
  ['cancelOffer', 'Cloud Partner Portal cancel', 'cancelOfferOperation (waits)', 'none: no official SDK for this API'],
  ['cancelDeletion', 'Batch certificate cancel deletion', 'cancelCertificateDeletion', '@azure/batch certificate.cancelDeletion'],
  ['everything', 'everything (every export of every package)', 'http, containerservice, batch, cloudpartner, lro', '@azure/arm-containerservice + @azure/batch'],
];

/**
 * @azure/batch 10.2.0's `module` field names ./dist-esm/index.js, which it does not ship (the file is
 * ./dist-esm/src/index.js), so a browser bundler falls back to its Node-only UMD `main` and fails on
 * `http`. The browser bundle takes the ESM entry it meant; Node bundles keep `main`, as Node does.
 */
const BROWSER_ALIASES = { '@azure/batch': '@azure/batch/dist-esm/src/index.js' };

/**
 * `fromSource`: azlro's packages from their TypeScript source (condition @azlro/source), with a
 * source map, for a per-module breakdown ({@link gzipBySource}).
 */
async function measure(contents, platform, fromSource = false) {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, loader: 'js', sourcefile: 'entry.mjs' },
    bundle: true, minify: true, format: 'esm', platform, target: 'es2022', write: false, metafile: true, logLevel: 'silent',
    outfile: 'out.js', alias: platform === 'browser' ? BROWSER_ALIASES : {}, conditions: fromSource ? ['@azlro/source'] : [],
    sourcemap: fromSource ? 'external' : false,
  });
  const output = result.outputFiles.find((file) => file.path.endsWith('.js')).contents;
  const map = fromSource ? JSON.parse(result.outputFiles.find((file) => file.path.endsWith('.map')).text) : undefined;
  return { minified: output.byteLength, gzip: gzipSync(output, { level: 9 }).byteLength, metafile: result.metafile, output, map };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map `mappings` as [line][segment] = [column, source index or undefined] (only the fields used here). */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return (line === '' ? [] : line.split(',')).map((segment) => {
      const fields = [];
      for (let i = 0, value = 0, shift = 0; i < segment.length; i++) {
        const digit = BASE64.indexOf(segment[i]);
        value += (digit & 31) << shift;
        if (digit & 32) { shift += 5; continue; }
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0; shift = 0;
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      return [column, fields.length > 1 ? source : undefined];
    });
  });
}

/**
 * For each source module of a bundle built with a map: the gzip -9 bytes the bundle loses when the
 * output characters mapped to that module are cut (what it adds after compression; code that uses
 * it stays, so this is an estimate, not a build without it).
 */
function gzipBySource({ output, map }) {
  const text = new TextDecoder().decode(output);
  const lines = text.split('\n');
  const owners = decodeMappings(map.mappings).map((segments, index) => {
    const owner = new Int32Array(lines[index]?.length ?? 0).fill(-1);
    segments.forEach(([column, source], i) => owner.fill(source ?? -1, column, segments[i + 1]?.[0] ?? owner.length));
    return owner;
  });
  const total = gzipSync(output, { level: 9 }).byteLength;
  return map.sources.map((name, source) => {
    const kept = lines.map((line, index) => [...line].filter((_, column) => owners[index]?.[column] !== source).join('')).join('\n');
    return [name.replace(/^.*?(packages\/|node_modules\/)/, '$1'), total - gzipSync(kept, { level: 9 }).byteLength];
  }).sort((a, b) => b[1] - a[1]);
}

/** Which package or part of one a bundled input belongs to, for the "what dominates" breakdown. */
function owner(path) {
  const azlro = /packages\/([^/]+)\/(?:dist|src)\/(generated\/)?/.exec(path);
  if (azlro) return `@azlro/${azlro[1]}${azlro[2] ? ' (generated)' : ''}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return pkg ? pkg[1] : '(the entry)';
}

/** The inputs of a bundle by bytes in the minified output, grouped by owner and by module. */
export function breakdown(metafile) {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.js'))[1];
  const byOwner = new Map();
  const modules = [];
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    byOwner.set(owner(path), (byOwner.get(owner(path)) ?? 0) + bytesInOutput);
    modules.push([path.replace(/^.*?(packages\/|node_modules\/)/, '$1'), bytesInOutput]);
  }
  return {
    owners: [...byOwner].sort((a, b) => b[1] - a[1]),
    modules: modules.sort((a, b) => b[1] - a[1]),
  };
}

export async function bundleSize(ctx) {
  const rows = [];
  const numbers = [];
  const targets = [];
  const details = [];
  let sourceDetail;
  for (const platform of ctx.smoke ? ['browser'] : ['browser', 'node']) {
    for (const [key, what, azlroCall, officialCall] of operations) {
      if (ctx.smoke && key !== 'abort') continue;
      const ours = await measure(azlro[key], platform);
      const theirs = official[key] ? await measure(official[key], platform) : undefined;
      const modular = officialModular[key] ? await measure(officialModular[key], platform) : undefined;
      numbers.push(ours.gzip, ...(theirs ? [theirs.gzip] : []));
      rows.push([
        platform, what,
        formatKb(ours.minified), formatKb(ours.gzip),
        theirs ? formatKb(theirs.minified) : 'n/a', theirs ? formatKb(theirs.gzip) : 'n/a',
        formatRatio(ratio(ours.gzip, theirs?.gzip)),
        modular ? `${formatKb(modular.minified)} / ${formatKb(modular.gzip)}` : 'n/a',
        formatRatio(ratio(ours.gzip, modular?.gzip)),
      ]);
      if (key === 'abort' || key === 'everything') {
        targets.push({
          benchmark: 'bundle size',
          what: `${platform}, ${key === 'abort' ? 'client + abort-and-wait' : 'everything'}: gzip`,
          target: '≤ 8 KB gzip',
          actual: formatKb(ours.gzip),
          met: ours.gzip <= 8000,
        });
      }
      if (platform === 'browser' && (key === 'abort' || key === 'everything')) details.push({ key, what, ...breakdown(ours.metafile), total: ours.minified });
      // dist/ is one file per package, so the module table above names packages: the same bundle
      // built from TypeScript source names the modules (its size differs from the dist one by bytes).
      if (platform === 'browser' && key === 'abort' && !ctx.smoke) sourceDetail = { what, source: await measure(azlro[key], platform, true) };
    }
  }
  const table = markdownTable(
    ['platform', 'bundle', 'azlro min', 'azlro gzip', 'official min', 'official gzip', 'ratio gzip', 'official modular API min / gzip', 'ratio vs modular'],
    rows,
  );
  const callTable = markdownTable(
    ['bundle', 'azlro entry', 'official entry (classic client)'],
    operations.map(([, what, a, o]) => [what, a, o]),
  );
  const breakdowns = details.map(({ what, owners, modules, total }) => [
    `azlro, browser, ${what}: minified bytes by package (before gzip; ${formatKb(total)} in all)`,
    markdownTable(['package', 'bytes', 'share'], owners.map(([name, bytes]) => [name, bytes, `${((bytes / total) * 100).toFixed(0)}%`])),
    'largest modules:',
    markdownTable(['module', 'bytes'], modules.slice(0, 12)),
  ].join('\n\n'));
  if (sourceDetail) {
    const { what, source } = sourceDetail;
    const minified = new Map(breakdown(source.metafile).modules);
    const byGzip = gzipBySource(source);
    breakdowns.push([
      `azlro, browser, ${what}, built from TypeScript source (${formatKb(source.minified)} min / ${formatKb(source.gzip)} gzip), by source module: minified bytes, and the gzip bytes the bundle loses when that module's output is cut (largest first)`,
      // A dependency's own source map names its sources (src/…ts), the metafile its files (dist/…js).
      markdownTable(['module', 'minified bytes', 'gzip bytes when cut'], byGzip.slice(0, 40).map(([name, gzip]) => [name, minified.get(name) ?? 'n/a (mapped to its own sources)', gzip])),
      `(${byGzip.length} modules in all; the gzip column sums to ${byGzip.reduce((sum, [, gzip]) => sum + gzip, 0)} of ${source.gzip} bytes)`,
    ].join('\n\n'));
  }
  return {
    title: '1. Bundle size',
    sections: [table, callTable, ...breakdowns],
    numbers,
    targets,
  };
}
