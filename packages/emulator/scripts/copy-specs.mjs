// Copies the service specs into the package (`specs/`, gitignored) so the published emulator
// carries the exact documents its Prism proxies validate against. Run by the nx `copy-specs`
// target, which `build` depends on. In the repository the emulator reads `../../specs` directly.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../../specs/', import.meta.url));
const target = fileURLToPath(new URL('../specs/', import.meta.url));
const services = ['containerservice', 'batch', 'cloudpartner'];

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const service of services) copyFileSync(`${source}${service}.yaml`, `${target}${service}.yaml`);
console.log(`copy-specs: ${services.join(', ')} copied to ${target}`);
