import { UsageError } from './args.js';

type EmulatorModule = typeof import('@azlro/emulator');

/** What `azlro emulator` and `azlro demo` say when the emulator is not installed. */
export const EMULATOR_MISSING =
  '`azlro emulator` and `azlro demo` need the @azlro/emulator package (Prism and the specs, ~90 MB), which @azlro/cli ' +
  'does not install by itself. Install it beside the CLI (`npm install @azlro/emulator`), or run ' +
  '`npx -p @azlro/cli -p @azlro/emulator azlro demo`.';

/**
 * Loads `@azlro/emulator` (an optional peer dependency) on demand, so the CLI installs without Prism;
 * when it is absent, a UsageError says how to get it. `specifier` is for tests.
 */
export async function loadEmulator(specifier = '@azlro/emulator'): Promise<EmulatorModule> {
  try {
    return (await import(specifier)) as EmulatorModule;
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${specifier}'`)) {
      throw new UsageError(EMULATOR_MISSING);
    }
    throw error;
  }
}
