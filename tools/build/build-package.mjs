#!/usr/bin/env node
// Builds one published package (nx targets of every package):
//   - `build-js`: esbuild bundles each entry point into one ESM file (dist/<entry>.js + map), so
//     Node loads one file per package instead of one per source file. @azlro/* and third-party
//     packages stay imports (`packages: 'external'`): no package's code is copied into another's,
//     so each class exists once and `instanceof` works across packages.
//
//   - `build` (`--declarations`, after build-js and the dependencies' build): dist/**/*.d.ts + maps
//     from `tsc -p tsconfig.lib.json --emitDeclarationOnly`, with TypeScript 7 (the native compiler,
//     devDependency `typescript-native`: ~0.5 s of CPU per package where TypeScript 6 took 3-5 s).
//     Tests need only the JavaScript, so they start before the declarations are written.
//
//   node tools/build/build-package.mjs <package dir> [--platform=neutral|node] [--entry=src/bin.ts ...] [--bundle-workspace]
//   node tools/build/build-package.mjs <package dir> --declarations
//
// Entry points: every `exports` entry whose `@azlro/source` is ./src/<name>.ts (its `default`
// must be ./dist/<name>.js and its `types` ./dist/<name>.d.ts), plus each --entry (a bin).
// A package.json `imports` entry (`#name`, http's `#platform`) maps, under `@azlro/source` only, a
// `node` and a `default` source file. The package is then built twice, each `#name` inlined: the
// `default` files into dist/<name>.js (browsers and bundlers: a Node-only dependency never enters a
// browser bundle) and the `node` files into dist/<name>.node.js, which each `exports` entry's `node`
// condition selects. Node loads one file per entry instead of the entry, the `#name` file and the
// chunk they share (about 2.5 ms of CPU of a ~20 ms cold import, issue 14).
// --bundle-workspace (an application: the CLI) bundles the @azlro/* packages it imports from their
// TypeScript source, except its optional peers (the emulator), so installing it fetches them as
// one package; third-party packages stay imports. Nothing imports the application's classes, so
// the copies cannot meet an `instanceof` from another copy.
// --platform=neutral (the default) is for code that must also run in browsers: importing a Node
// built-in fails the build. Several entries share code through chunks (esbuild `splitting`), and a
// dynamic import() of a source file becomes a chunk loaded on first use, as before.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    platform: { type: 'string', default: 'neutral' },
    entry: { type: 'string', multiple: true, default: [] },
    'bundle-workspace': { type: 'boolean', default: false },
    declarations: { type: 'boolean', default: false },
  },
});
if (args.platform !== 'neutral' && args.platform !== 'node') throw new RangeError(`--platform must be neutral or node, got ${args.platform}`);

if (positionals.length !== 1) throw new TypeError('usage: build-package.mjs <package dir> [--platform=neutral|node] [--entry=src/<bin>.ts ...]');
const packageDir = resolve(positionals[0]);
const srcDir = join(packageDir, 'src');
const distDir = join(packageDir, 'dist');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const platformImports = platformSources(manifest);
const exportEntryPoints = exportEntries(manifest);
const entryPoints = [...exportEntryPoints, ...args.entry.map((entry) => join(packageDir, entry))];
for (const entry of entryPoints) {
  if (dirname(entry) !== srcDir || !entry.endsWith('.ts')) throw new RangeError(`${manifest.name}: entry ${relative(packageDir, entry)} must be a .ts file directly in src/`);
}

// A library with several `exports` entries puts the code of all of them in one module,
// dist/bundle.js (or the entry that exports all the others' names: lro's root; http's ./internal,
// which the sibling packages import alone, so Node resolves and loads one http file for them), and
// each other entry's dist/<name>.js re-exports its own names from it (see entryFacades): Node then
// loads two files for any entry (plus a chunk it shares with a `#name` file, and chunks of dynamic
// imports) instead of one chunk per combination of entries that share code, and the cost of a
// cold import is mostly per file and per bare specifier a file imports (resolve: node_modules
// walk, package.json `exports`, realpath; read, compile, link). Bundlers still tree-shake: the
// facades are plain `export { ... } from`.
const groupEntries = !args['bundle-workspace'] && exportEntryPoints.length > 1 ? exportEntryPoints : [];

const started = performance.now();
if (args.declarations) {
  // The previous declarations go (a source file renamed or deleted); the JavaScript is build-js's.
  for (const file of existsSync(distDir) ? readdirSync(distDir, { recursive: true, withFileTypes: true }) : []) {
    if (file.isFile() && /\.d\.ts(\.map)?$/.test(file.name)) rmSync(join(file.parentPath, file.name));
  }
  await declarations();
  console.log(`${manifest.name}: declarations in ${Math.round(performance.now() - started)} ms`);
} else {
  // The previous JavaScript goes (a chunk's name changes with its content); the declarations stay.
  for (const file of existsSync(distDir) ? readdirSync(distDir) : []) {
    if (/\.js(\.map)?$/.test(file)) rmSync(join(distDir, file));
  }
  await javascript();
  console.log(`${manifest.name}: ${readdirSync(distDir).filter((file) => file.endsWith('.js')).length} JavaScript file(s) (${args.platform}) in ${Math.round(performance.now() - started)} ms`);
}

/** The source file of each `exports` entry, checked against its `types` and `default` targets. */
function exportEntries({ name, exports }) {
  const entries = [];
  for (const [subpath, target] of Object.entries(exports ?? {})) {
    if (typeof target !== 'object' || target === null || !('@azlro/source' in target)) continue;
    const base = /^\.\/src\/([\w-]+)\.ts$/.exec(target['@azlro/source'])?.[1];
    if (!base || target.types !== `./dist/${base}.d.ts` || target.default !== `./dist/${base}.js`) {
      throw new RangeError(`${name}: exports["${subpath}"] must map @azlro/source ./src/<name>.ts, types ./dist/<name>.d.ts and default ./dist/<name>.js`);
    }
    // With `#name` platform imports, Node must get the build that inlined their `node` files.
    const node = platformImports.size > 0 ? `./dist/${base}.node.js` : undefined;
    if (target.node !== node) {
      throw new RangeError(`${name}: exports["${subpath}"].node must be ${node ?? 'absent (no #name imports)'}, got ${target.node}`);
    }
    entries.push(join(srcDir, `${base}.ts`));
  }
  if (entries.length === 0) throw new RangeError(`${name}: no exports entry with an @azlro/source condition`);
  return entries;
}

/**
 * The package's `imports` entries (`#name`): each maps, under `@azlro/source` alone, a `node` and a
 * `default` source file, ./src/<file>.ts. Map of `#name` to its two files.
 */
function platformSources({ name, imports }) {
  const sources = new Map();
  for (const [specifier, target] of Object.entries(imports ?? {})) {
    const files = target?.['@azlro/source'];
    const file = (condition) => (typeof files?.[condition] === 'string' && /^\.\/src\/[\w-]+\.ts$/.test(files[condition]) ? join(packageDir, files[condition]) : undefined);
    if (Object.keys(target ?? {}).join() !== '@azlro/source' || Object.keys(files ?? {}).join() !== 'node,default' || !file('node') || !file('default')) {
      throw new RangeError(`${name}: imports["${specifier}"] must map only @azlro/source, to { node: ./src/<name>.ts, default: ./src/<name>.ts } (the build inlines them)`);
    }
    sources.set(specifier, { node: file('node'), default: file('default') });
  }
  return sources;
}

/** Resolves each `#name` import to its file for `condition` (`node` or `default`), so it is bundled in. */
function inlinePlatform(condition) {
  return {
    name: 'inline-platform',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^#/ }, ({ path }) => {
        const files = platformImports.get(path);
        if (!files) return { errors: [{ text: `${manifest.name}: ${path} is not in package.json "imports"` }] };
        return { path: files[condition] };
      });
    },
  };
}

/** dist/**\/*.d.ts + maps: TypeScript 7's tsc on tsconfig.lib.json (siblings through their built .d.ts). */
function declarations() {
  // A root devDependency, so always in the workspace's node_modules (its `exports` hide bin/tsc from require.resolve).
  const tsc = fileURLToPath(new URL('../../node_modules/typescript-native/bin/tsc', import.meta.url));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.lib.json', '--emitDeclarationOnly'], { cwd: packageDir, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolvePromise() : reject(new Error(`${manifest.name}: tsc failed (${signal ?? `exit ${code}`})`))));
  });
}

/** The options every esbuild pass shares: the package's own code bundled, the rest imported. */
function sharedOptions() {
  return {
    absWorkingDir: packageDir,
    outdir: distDir,
    outbase: srcDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: args.platform,
    target: 'es2022',
    ...(args['bundle-workspace']
      ? { conditions: ['@azlro/source'], mainFields: [] }
      : {
          packages: 'external',
          // Only relative imports (and `#name` ones, by inlinePlatform) are resolved: no package fields apply.
          mainFields: [],
          conditions: [],
        }),
    tsconfig: join(packageDir, 'tsconfig.lib.json'),
    logLevel: 'warning',
  };
}

/**
 * For groupEntries: the names each entry exports (an esbuild pass that writes nothing), the
 * virtual module that re-exports them all (the source of dist/bundle.js), and a writer of the
 * facades dist/<entry>.js. Two entries exporting one name must export the same binding (e.g. lro's
 * root and its per-service entries): `export *` drops a name two modules give different bindings,
 * which fails the build here.
 */
async function entryFacades() {
  const plugins = platformImports.size > 0 ? [inlinePlatform('default')] : [];
  const { metafile } = await build({ ...sharedOptions(), entryPoints: groupEntries, write: false, metafile: true, sourcemap: false, plugins });
  const names = new Map();
  for (const output of Object.values(metafile.outputs)) {
    if (output.entryPoint) names.set(resolve(packageDir, output.entryPoint), output.exports);
  }
  // An entry exporting every name of the others (lro's root) is the bundle itself: one file fewer.
  const all = new Set([...names.values()].flat());
  const whole = groupEntries.find((entry) => names.get(entry).length === all.size);
  const out = whole ? basename(whole, '.ts') : 'bundle';
  const contents = groupEntries.map((entry) => `export * from ${JSON.stringify(`./${relative(srcDir, entry).split(sep).join('/')}`)};`).join('\n');
  return {
    out,
    plugin: {
      name: 'entries-bundle',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^azlro-entries-bundle$/ }, () => ({ path: 'bundle', namespace: 'azlro-entries-bundle' }));
        esbuild.onLoad({ filter: /.*/, namespace: 'azlro-entries-bundle' }, () => ({ contents, resolveDir: srcDir, loader: 'ts' }));
      },
    },
    /** Writes dist/<entry><suffix>.js for each other entry (`suffix`: '' or '.node', see platformSources). */
    write(bundleExports, suffix) {
      for (const entry of groupEntries) {
        if (entry === whole) continue;
        const exported = names.get(entry);
        const missing = exported.filter((name) => !bundleExports.includes(name));
        if (missing.length > 0) throw new Error(`${manifest.name}: ${relative(packageDir, entry)} exports ${missing.join(', ')} that another entry exports as a different binding`);
        const facade = `// ${relative(packageDir, entry)}: its names, from the code of all entries (tools/build/build-package.mjs).\nexport {\n${exported.map((name) => `  ${name}`).join(',\n')}\n} from "./${out}${suffix}.js";\n`;
        writeFileSync(join(distDir, `${basename(entry, '.ts')}${suffix}.js`), exported.length > 0 ? facade : 'export {};\n');
      }
    },
  };
}

async function javascript() {
  const facades = groupEntries.length > 0 ? await entryFacades() : undefined;
  // Without `#name` imports one build; with them, the `default` build then the `node` one (platformSources).
  for (const condition of platformImports.size > 0 ? ['default', 'node'] : [undefined]) {
    const suffix = condition === 'node' ? '.node' : '';
    const result = await build({
      ...sharedOptions(),
      entryPoints: facades ? [{ in: 'azlro-entries-bundle', out: facades.out }, ...entryPoints.filter((entry) => !groupEntries.includes(entry))] : entryPoints,
      ...(suffix ? { outExtension: { '.js': `${suffix}.js` } } : {}),
      sourcemap: true,
      // src/ is published beside dist/, so the maps point at it rather than embedding it.
      sourcesContent: false,
      metafile: true,
      plugins: [
        importMetaUrlAsBuilt(),
        ...(condition ? [inlinePlatform(condition)] : []),
        ...(facades ? [facades.plugin] : []),
        ...(args['bundle-workspace'] ? [externalButWorkspace(Object.keys(manifest.peerDependencies ?? {}))] : []),
      ],
    });
    if (facades) facades.write(result.metafile.outputs[`dist/${facades.out}${suffix}.js`].exports, suffix);
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const path = resolve(packageDir, file);
      // Every output directly in dist/: importMetaUrlAsBuilt relies on it.
      if (dirname(path) !== distDir) throw new Error(`${manifest.name}: ${file} is not directly in dist/`);
      // A neutral build stays browser-safe, except its `node` build (only Node's `node` condition selects it).
      if (args.platform === 'neutral' && condition !== 'node') {
        const builtins = output.imports.filter(({ path: imported }) => imported.startsWith('node:') || builtinModules.includes(imported.split('/')[0]));
        if (builtins.length > 0) throw new Error(`${manifest.name}: ${file} imports ${builtins.map((b) => b.path).join(', ')}; build it with --platform=node or keep it browser-safe`);
      }
      if (file.endsWith('.js') && readFileSync(path, 'utf8').startsWith('#!')) chmodSync(path, 0o755);
    }
  }
}

/**
 * For --bundle-workspace: every bare import is external except `@azlro/*` packages that are not
 * among `keepExternal` (optional peers, loaded at run time). Package `imports` (`#name`) of a bundled
 * workspace package resolve through its package.json, by the build's platform conditions.
 */
function externalButWorkspace(keepExternal) {
  return {
    name: 'external-but-workspace',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./#]/ }, ({ path }) => {
        const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
        if (name.startsWith('@azlro/') && !keepExternal.includes(name)) return undefined;
        return { path, external: true };
      });
    },
  };
}

/**
 * Keeps `import.meta.url` meaning the module's own place in the unbundled layout (dist/<path>.js,
 * where tsc put it), so code that finds files relative to itself works unchanged from a bundle:
 * the emulator's specs (`..` of dist/specs.js) and the CLI's own binary (`../bin.js` of
 * dist/demo/child.js). Correct because every output file sits directly in dist/.
 */
function importMetaUrlAsBuilt() {
  return {
    name: 'import-meta-url-as-built',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const fromSrc = relative(srcDir, path);
        if (fromSrc.startsWith('..')) return undefined;
        const contents = await readFile(path, 'utf8');
        if (!contents.includes('import.meta.url')) return undefined;
        const asBuilt = `./${fromSrc.split(sep).join('/').replace(/\.ts$/, '.js')}`;
        return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(asBuilt)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}
