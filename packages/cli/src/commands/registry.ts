import type { CliCommand } from '../cli-command.js';
import { aksAbort } from './aks-abort.command.js';
import { aksCommandInvoke } from './aks-command-invoke.command.js';
import { aksCommandResult } from './aks-command-result.command.js';
import { aksNodepoolAbort } from './aks-nodepool-abort.command.js';
import { batchCancelCertificateDeletion } from './batch-cancel-certificate-deletion.command.js';
import { completion } from './completion.command.js';
import { demo } from './demo.command.js';
import { emulator } from './emulator.command.js';
import { partnerCancel } from './partner-cancel.command.js';
import { wait } from './wait.command.js';

/**
 * Every command, one line each, in the order help lists them. The parser, the help pages, "did you
 * mean", shell completion, `main` (which loads a command's run module) and `azlro wait` (which
 * finds the command a resume token's operation belongs to) all read this list.
 */
export const COMMANDS = [
  aksAbort,
  aksCommandResult,
  aksNodepoolAbort,
  aksCommandInvoke,
  batchCancelCertificateDeletion,
  partnerCancel,
  wait,
  emulator,
  demo,
  completion,
] as const satisfies readonly CliCommand[];

/** The input of each command, as its descriptor parses it. */
export type RegisteredCommand = ReturnType<(typeof COMMANDS)[number]['parse']>;

/** The descriptor of a command name, if there is one. */
export function commandNamed(name: string): CliCommand | undefined {
  return (COMMANDS as readonly CliCommand[]).find((command) => command.spec.name === name);
}
