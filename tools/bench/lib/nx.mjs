import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root. */
export const root = fileURLToPath(new URL('../../..', import.meta.url));

const require = createRequire(join(root, 'package.json'));

/** nx's command-line entry, to run with this Node (not through npx, whose extra processes can outlive a kill). */
export const nxBin = join(dirname(require.resolve('nx/package.json')), require('nx/package.json').bin.nx);
