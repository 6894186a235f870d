#!/usr/bin/env node
// The workspace type check, and the published packages' declarations from the same program.
//
//   node tools/typecheck/check.mjs            type-check every project's src + test (tsconfig.json),
//                                             then write packages/<name>/dist/**/*.d.ts (+ .d.ts.map)
//   node tools/typecheck/check.mjs --no-emit  type-check only
//
// One TypeScript program checks each file once (see tsconfig.json). Declarations used to come from a
// second `tsc --emitDeclarationOnly` per package, which parsed and checked the same sources again
// (~14 s of CPU for the seven packages on this project's 2-core machines). Here they are emitted from
// the checked program: for each `packages/<name>/src/**/*.ts` (tests excluded) of a package with a
// `build` step, `dist/<same path>.d.ts` and its map, exactly where `tsc -p tsconfig.lib.json`
// (rootDir src, outDir dist) put them, so the `exports` `types` targets are unchanged. The program
// resolves sibling packages through their sources (the `@azlro/source` condition); the emitted
// declarations still import them by package name (`@azlro/http`), as a check below enforces.
// Any diagnostic fails the run before anything is written.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const emit = !process.argv.includes('--no-emit');
/** The packages whose declarations are published (each has a `build` target and a tsconfig.lib.json). */
const PACKAGES = ['http', 'containerservice', 'batch', 'cloudpartner', 'emulator', 'lro', 'cli'];

const configPath = join(here, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
// Where tsc would put the outputs of a root-level emit: only used to compute paths, nothing is written there.
const virtualOut = join(root, '.declarations');
const options = { ...config.options, noEmit: false, declaration: true, declarationMap: true, emitDeclarationOnly: true, outDir: virtualOut, rootDir: root };
const program = ts.createProgram({ rootNames: config.fileNames, options, projectReferences: config.projectReferences });

const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);
if (!emit) process.exit(0);

/** The package a source file is published in, or undefined (tests, tools). */
function publishedIn(fileName) {
  const path = relative(root, fileName).split(sep);
  if (path[0] !== 'packages' || path[2] !== 'src' || !PACKAGES.includes(path[1]) || /\.test(-d)?\.ts$/.test(fileName) || fileName.endsWith('.d.ts')) return undefined;
  return path[1];
}

// Stale declarations (a source file renamed or deleted) go; the JavaScript beside them is the build's.
for (const name of PACKAGES) {
  const dist = join(root, 'packages', name, 'dist');
  if (!existsSync(dist)) continue;
  for (const file of readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())) {
    if (/\.d\.ts(\.map)?$/.test(file.name)) rmSync(join(file.parentPath, file.name));
  }
}

let written = 0;
const problems = [];
for (const sourceFile of program.getSourceFiles()) {
  const name = publishedIn(sourceFile.fileName);
  if (!name) continue;
  const result = program.emit(sourceFile, (outputPath, text) => {
    // <virtualOut>/packages/<name>/src/<path> -> packages/<name>/dist/<path>
    const fromSrc = relative(join(virtualOut, 'packages', name, 'src'), outputPath);
    const target = join(root, 'packages', name, 'dist', fromSrc);
    if (target.endsWith('.d.ts')) {
      for (const [, specifier] of text.matchAll(/(?:from |import\()["']([^"']+)["']/g)) {
        // A declaration reaching into another package's files by a relative path would break once published.
        if (specifier.startsWith('.') && !resolve(dirname(target), specifier).startsWith(join(root, 'packages', name, 'dist'))) {
          problems.push(`${relative(root, target)} imports ${specifier}, outside its package`);
        }
      }
    } else {
      // The map's `sources` are relative to where tsc meant to write it; make them relative to dist/.
      const map = JSON.parse(text);
      map.sources = map.sources.map((source) => relative(dirname(target), resolve(dirname(outputPath), source)).split(sep).join('/'));
      text = JSON.stringify(map);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written++;
  }, undefined, true);
  if (result.diagnostics.length > 0) fail(result.diagnostics);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`type check: ${program.getRootFileNames().length} files, no errors; ${written} declaration files written to packages/{${PACKAGES.join(',')}}/dist`);

function fail(list) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(list, host));
  console.error(`type check: ${list.length} error(s)`);
  process.exit(1);
}
