import type { CliCommand, CommandModule } from '../cli-command.js';
import { CONNECTION_FLAGS } from '../flags.js';
import { UsageError } from '../usage-error.js';

/** `azlro wait`. */
export const wait = {
  spec: {
    name: 'wait',
    positional: '<resume-token>',
    summary: 'continue a wait from a resume token (from --no-wait, --timeout or Ctrl-C), in any process',
    description: 'The token holds no secret: the credential is given again now. The endpoint comes from the token; ' +
      'one that is not a known Azure endpoint must be confirmed with --endpoint.',
    flags: [...CONNECTION_FLAGS],
    examples: [
      { comment: 'wait for an abort started with --no-wait', command: 'azlro wait "$(azlro aks abort -g my-rg -n my-cluster --no-wait -o tsv --query resumeToken)"' },
      { comment: 'poll once and return a fresh token', command: 'azlro wait "$TOKEN" --no-wait -o json' },
    ],
  },
  parse: ({ positionals }) => {
    if (positionals.length !== 1) throw new UsageError('wait takes exactly one argument: the resume token');
    // What `azlro wait "$(… --no-wait -o tsv --query resumeToken)"` passes when that command failed.
    if (positionals[0]!.trim() === '') {
      throw new UsageError('the resume token is empty: the command meant to print it printed none (it failed, or the operation was already done)');
    }
    return { name: 'wait', resumeToken: positionals[0]! };
  },
  load: (): Promise<CommandModule> => import('./wait.js'),
} as const satisfies CliCommand<{ name: 'wait' } & Record<string, unknown>>;
