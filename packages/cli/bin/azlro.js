#!/usr/bin/env node
// The `azlro` binary. A committed file (not dist/bin.js itself) because npm links a bin only if
// its file exists at install time, which in a fresh clone is before the build.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  // Only in a source checkout: published packages always ship dist/.
  process.stderr.write('azlro: the CLI is not built yet; run `npm run build` (or `npm run demo`) in the repository first\n');
  process.exit(2);
}
await import(entry.href);
