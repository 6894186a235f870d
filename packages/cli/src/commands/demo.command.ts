import type { CliCommand, CommandModule } from '../cli-command.js';

/** `azlro demo`. */
export const demo = {
  spec: {
    name: 'demo',
    summary: 'run every operation against the emulator and print a summary (offline, ~20 s)',
    flags: [],
    local: true,
    examples: [{ comment: 'the whole tour', command: 'azlro demo' }, { comment: 'its summary as JSON', command: 'azlro demo -o json' }],
  },
  parse: () => ({ name: 'demo' }),
  load: (): Promise<CommandModule> => import('./demo.js'),
} as const satisfies CliCommand<{ name: 'demo' } & Record<string, unknown>>;
