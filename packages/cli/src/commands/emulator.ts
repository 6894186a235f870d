import type { AzlroLogger } from '@azlro/http';
import { untilAborted } from '@azlro/http/internal';
import type { EmulatorInfo } from '@azlro/emulator';
import type { Command } from '../args.js';
import type { CommandContext } from '../context.js';
import { classifyError } from '../errors.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { invocation } from '../invocation.js';
import { printReport } from '../output.js';
import type { Style } from '../style.js';
import { loadEmulator } from '../emulator-package.js';
import { emulatorStartTimeoutInMs } from '../env-knobs.js';

type Emulator = Extract<Command, { name: 'emulator' }>;

/** The emulator's request log (`METHOD path -> status`, never a credential) on stderr, above any live line. */
export function emulatorLogger(ctx: CommandContext): AzlroLogger {
  const { line, errStyle: style } = ctx;
  const stamp = () => style.dim(new Date().toISOString().slice(11, 23));
  const print = (message: string) => {
    // On Ctrl-C the terminal signals Prism too: its exit is expected then, not news.
    if (ctx.io.signal?.aborted && /exited unexpectedly/.test(message)) return;
    line.print(`${stamp()} ${message}`);
  };
  return {
    verbose: () => {},
    info: print,
    warning: (message) => print(style.yellow(message)),
    error: (message) => print(style.red(message)),
  };
}

/**
 * The cluster of the `--no-wait` sample (and of the demo's resume step): one of its own, because
 * the first sample aborts `clusters.abortAccepted`, and once canceled another abort there is a 409.
 */
export const RESUME_CLUSTER = 'aks-resume-demo';

/**
 * Ready-to-paste commands for every outcome the emulator offers, with its sample names; `azlro` is
 * how the user's shell runs it (`npx azlro` in a project install, see invocation.ts). Pasted one
 * after the other, in this order, each ends with the exit code its comment names (0 unless it
 * says otherwise): no command depends on the state an earlier one left.
 */
export function emulatorCommands(info: EmulatorInfo, azlro = 'azlro'): { comment: string; command: string }[] {
  const { endpoints: e, subscriptionId: s, resourceGroupName: g, clusters, agentPools, runCommand, commands, batch, cloudPartner: cp } = info;
  const arm = `--endpoint ${e.arm} --subscription ${s} -g ${g}`;
  const aks = (verb: string, cluster: string) => `${azlro} aks ${verb} ${arm} -n ${cluster}`;
  const cancel = (thumbprint: string) => `${azlro} batch cancel-certificate-deletion --account-endpoint ${e.batch} --thumbprint ${thumbprint}`;
  const partner = (offer: string) => `${azlro} partner cancel --endpoint ${e.cloudPartner} --publisher ${cp.publisherId} --offer ${offer}`;
  return [
    { comment: 'abort: 202, followed until the cluster operation is canceled', command: aks('abort', clusters.abortAccepted) },
    { comment: 'abort: 204, nothing running', command: aks('abort', clusters.nothingToAbort) },
    { comment: 'abort: 409, finished before it could be aborted (exit 3)', command: aks('abort', clusters.abortConflict) },
    {
      comment: 'node-pool abort: 202, followed until the pool\'s upgrade is canceled',
      command: `${azlro} aks nodepool abort ${arm} --cluster-name ${clusters.abortAccepted} --nodepool-name ${agentPools.abortAccepted}`,
    },
    { comment: 'command result: runs, then exit code 0', command: `${aks('command-result', clusters.abortAccepted)} --command-id ${commands.succeeds}` },
    { comment: 'command result: ends failed (exit 1)', command: `${aks('command-result', clusters.abortAccepted)} --command-id ${commands.fails}` },
    { comment: 'run command: runs, then its exit code 0 and logs', command: `${aks('command invoke', clusters.abortAccepted)} --command ${JSON.stringify(runCommand.succeeds)}` },
    { comment: 'run command: the command exits 3 (exit 5)', command: `${aks('command invoke', clusters.abortAccepted)} --command ${JSON.stringify(runCommand.exitsNonZero)}` },
    { comment: 'partner cancel: 202, followed until completed', command: partner(cp.offers.accepted) },
    { comment: 'partner cancel: 200, canceled at once', command: partner(cp.offers.synchronous) },
    { comment: 'batch cancel deletion: 204 (Shared Key)', command: cancel(batch.thumbprints.canceled) },
    { comment: 'batch cancel deletion: 400 CertificateRetired, as Azure answers today (exit 3)', command: cancel(batch.thumbprints.retired) },
    { comment: 'start without waiting, then resume from the token in any process', command: `${aks('abort', RESUME_CLUSTER)} --no-wait` },
  ];
}

function renderInfo(info: EmulatorInfo, startupInMs: number, style: Style, azlro: string): string {
  const { endpoints, batch } = info;
  const lines = [
    `${style.green('✔')} azlro emulator ready in ${(startupInMs / 1000).toFixed(1)} s: all six operations, offline. ` +
      'Every exchange is checked by Prism against azlro\'s OpenAPI specs.',
    '',
    `  ${style.dim('ARM (AKS)    ')}  ${endpoints.arm}`,
    `  ${style.dim('Cloud Partner')}  ${endpoints.cloudPartner}`,
    `  ${style.dim('Batch        ')}  ${endpoints.batch}`,
    '',
    'Credentials: any bearer token works; Batch also takes Shared Key with the emulator\'s fake, public key.',
    'In another terminal:',
    '',
    '  export AZLRO_ACCESS_TOKEN=emulator',
    `  export AZ_BATCH_ACCOUNT=${batch.accountName} AZ_BATCH_ACCESS_KEY=${batch.accountKey}`,
    '',
  ];
  for (const { comment, command } of emulatorCommands(info, azlro)) lines.push(`  ${style.dim(`# ${comment}`)}`, `  ${command}`, '');
  lines.push('Requests are logged below (stderr). Ctrl-C stops the emulator (exit 0).');
  return `${lines.join('\n')}\n`;
}

/**
 * `azlro emulator`: serves all six operations on 127.0.0.1 until Ctrl-C (or SIGTERM), then
 * closes cleanly and exits 0: stopping it is how it is meant to end.
 */
export async function run(command: Emulator, ctx: CommandContext): Promise<ExitCode> {
  const { io } = ctx;
  const { startEmulator } = await loadEmulator();
  ctx.line.print(ctx.errStyle.dim('starting the emulator (three Prism proxies and the backend)…'));
  let emulator;
  try {
    emulator = await startEmulator({ port: command.port, logger: emulatorLogger(ctx), startTimeoutInMs: emulatorStartTimeoutInMs(io.env), ...(io.signal ? { abortSignal: io.signal } : {}) });
  } catch (error) {
    if (io.signal?.aborted) return EXIT_CODES.succeeded;
    const { error: reportError } = classifyError(error);
    printReport(ctx, { status: 'failed', exitCode: EXIT_CODES.serviceError, error: { ...reportError, hint: 'the emulator could not start' } });
    return EXIT_CODES.serviceError;
  }
  try {
    const azlro = invocation(io.env as NodeJS.ProcessEnv);
    if (ctx.options.output === 'json' && ctx.options.query === undefined) {
      const { info, startupInMs } = emulator;
      io.stdout(`${JSON.stringify({ status: 'running', ...info, startupInMs, commands: emulatorCommands(info, azlro) })}\n`);
    } else if (ctx.options.output !== 'text') {
      const { info, startupInMs } = emulator;
      io.stdout(ctx.format({ status: 'running', ...info, startupInMs, commands: emulatorCommands(info, azlro) }));
    } else {
      io.stdout(renderInfo(emulator.info, emulator.startupInMs, ctx.outStyle, azlro));
    }
    // Until Ctrl-C/SIGTERM aborts io.signal; without a signal (in-process use), forever.
    await untilAborted(new Promise<never>(() => {}), io.signal ?? new AbortController().signal).catch(() => {});
  } finally {
    await emulator.close();
  }
  ctx.line.print(ctx.errStyle.dim('emulator stopped'));
  return EXIT_CODES.succeeded;
}
