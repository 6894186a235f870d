// nx release version actions for the @azlro packages: @nx/js's own (package.json versions, the
// exact @azlro/* pins the project graph knows about, package-lock.json) plus two things it misses:
//
// - the version constant in `src/version.ts` (`PACKAGE_VERSION`, which a client sends in its
//   User-Agent; the CLI's `VERSION`, which `azlro --version` prints without reading a file). A test
//   keeps each equal to package.json, so it must move in the same release commit, or the tests
//   fail right after `nx release` and the published User-Agent and --version lie.
// - exact pins outside the graph: tools/* (private) and the emulator's devDependencies on the
//   clients, which its nx config cuts from the graph to avoid a cycle. A stale exact pin would make
//   npm fetch the old version from the registry instead of linking the workspace package.
//
// Named in nx.json `release.version.versionActions`; CommonJS because nx loads it with require().
'use strict';

const { join, posix } = require('node:path');
const JsVersionActions = require('@nx/js/src/release/version-actions').default;
const { afterAllProjectsVersioned } = require('@nx/js/src/release/version-actions');

const VERSION_FILE = join('src', 'version.ts');
const CONSTANT = /(export const (?:PACKAGE_)?VERSION = )'[^']*'/;
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every workspace package.json in the tree (the root's `workspaces`, `dir/*` patterns only). */
function workspaceManifests(tree) {
  const { workspaces = [] } = JSON.parse(tree.read('package.json', 'utf-8'));
  const patterns = Array.isArray(workspaces) ? workspaces : workspaces.packages ?? [];
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return tree.exists(posix.join(pattern, 'package.json')) ? [posix.join(pattern, 'package.json')] : [];
    const dir = pattern.slice(0, -2);
    return tree.children(dir).map((child) => posix.join(dir, child, 'package.json')).filter((file) => tree.exists(file));
  });
}

/** Rewrites `"<name>": "<exact version>"` entries, keeping each file's own formatting. */
function updatePins(tree, packageName, newVersion, ownManifest) {
  const entry = new RegExp(`("${escape(packageName)}"\\s*:\\s*")([^"]*)(")`, 'g');
  const updated = [];
  for (const file of workspaceManifests(tree)) {
    if (file === ownManifest) continue;
    const source = tree.read(file, 'utf-8');
    const next = source.replace(entry, (whole, head, version, tail) =>
      EXACT.test(version) && version !== newVersion ? `${head}${newVersion}${tail}` : whole);
    if (next !== source) {
      tree.write(file, next);
      updated.push(file);
    }
  }
  return updated;
}

class AzlroVersionActions extends JsVersionActions {
  async updateProjectVersion(tree, newVersion) {
    const logs = await super.updateProjectVersion(tree, newVersion);
    const root = this.projectGraphNode.data.root;

    const file = join(root, VERSION_FILE);
    if (tree.exists(file)) {
      const source = tree.read(file, 'utf-8');
      if (!CONSTANT.test(source)) throw new Error(`${file}: no \`export const PACKAGE_VERSION = '…'\` (or VERSION) to update`);
      tree.write(file, source.replace(CONSTANT, `$1'${newVersion}'`));
      logs.push(`✍️  New version ${newVersion} written to ${file}`);
    }

    const manifest = posix.join(root, 'package.json');
    const { name } = JSON.parse(tree.read(manifest, 'utf-8'));
    const pinned = updatePins(tree, name, newVersion, manifest);
    if (pinned.length > 0) logs.push(`✍️  Exact pins of ${name} set to ${newVersion} in ${pinned.join(', ')}`);
    return logs;
  }
}

module.exports = AzlroVersionActions;
module.exports.default = AzlroVersionActions;
module.exports.afterAllProjectsVersioned = afterAllProjectsVersioned;
