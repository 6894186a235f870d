import type { CliCommand, CommandModule } from '../cli-command.js';
import { quoted } from '../sanitize.js';
import { UsageError } from '../usage-error.js';

/** `azlro emulator`. */
export const emulator = {
  spec: {
    name: 'emulator',
    summary: 'run the local emulator (all six operations on 127.0.0.1) until Ctrl-C',
    description: 'It prints its endpoints and ready-to-paste commands for every outcome, then logs each request on stderr. ' +
      'Ctrl-C (or SIGTERM) closes it cleanly and exits 0.',
    flags: [{ name: 'port', value: '<n>', description: 'the ARM endpoint\'s port', defaultText: 'any free port' }],
    local: true,
    examples: [
      { comment: 'start it and paste the commands it prints into another terminal', command: 'azlro emulator' },
      { comment: 'its endpoints as one JSON line', command: 'azlro emulator -o json' },
    ],
  },
  parse: ({ values }) => {
    const raw = values.string('port');
    const port = raw === undefined ? 0 : Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be 0-65535; got ${quoted(String(raw))}`);
    return { name: 'emulator', port };
  },
  load: (): Promise<CommandModule> => import('./emulator.js'),
} as const satisfies CliCommand<{ name: 'emulator' } & Record<string, unknown>>;
