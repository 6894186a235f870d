import type { CliCommand, CommandModule } from '../cli-command.js';
import { SHELLS, type Shell } from '../flags.js';
import { quoted } from '../sanitize.js';
import { UsageError } from '../usage-error.js';

/** `azlro completion`. */
export const completion = {
  spec: {
    name: 'completion',
    positional: 'bash|zsh|fish',
    summary: 'print a shell completion script',
    flags: [],
    local: true,
    examples: [
      { comment: 'bash, for this shell', command: 'source <(azlro completion bash)' },
      { comment: 'zsh: put this line in ~/.zshrc', command: 'eval "$(azlro completion zsh)"' },
      { comment: 'fish', command: 'azlro completion fish > ~/.config/fish/completions/azlro.fish' },
    ],
  },
  parse: ({ positionals }) => {
    const [shell] = positionals;
    if (positionals.length !== 1 || !SHELLS.includes(shell as Shell)) {
      throw new UsageError(`completion takes one shell: ${SHELLS.join(', ')}${shell === undefined ? '' : `; got ${quoted(shell)}`}`, {
        unrecognised: shell === undefined ? [] : [{ typed: shell, candidates: SHELLS }],
      });
    }
    return { name: 'completion', shell: shell as Shell };
  },
  // Printed by main itself: it needs no client and no report.
  load: (): Promise<CommandModule> => Promise.reject(new Error('completion is printed by main')),
} as const satisfies CliCommand<{ name: 'completion' } & Record<string, unknown>>;
