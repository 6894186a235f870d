import type { Command } from '../args.js';
import { commandNamed } from '../commands/registry.js';
import type { CommandContext } from '../context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { POLL_INTERVAL_IN_MS } from '../follow.js';
import { renderText } from '../output.js';
import type { Report } from '../report.js';
import { Traffic, checkRetryAfter } from '../traffic.js';
import { describeExchanges, describeRetryAfter } from './insights.js';
import { indent, type DemoSession } from './session.js';

/** One operation the demo runs in this process, exactly as its command would. */
export interface InProcessStep {
  title: string;
  /** The equivalent command line, shown to the user. */
  cli: string;
  command: Exclude<Command, { name: 'help' | 'version' | 'completion' | 'wait' | 'emulator' | 'demo' }>;
  /** What the emulator's sample name makes it end with. */
  expectExit: ExitCode;
}

/** The in-process steps, from the emulator's sample names. */
export function inProcessSteps({ info }: DemoSession): InProcessStep[] {
  const { endpoints, subscriptionId, resourceGroupName, clusters, commands, batch, cloudPartner, agentPools, runCommand } = info;
  const cluster = { subscriptionId, resourceGroupName, resourceName: clusters.abortAccepted };
  const aks = `--endpoint ${endpoints.arm} --subscription ${subscriptionId} -g ${resourceGroupName} -n ${clusters.abortAccepted}`;
  const batchCli = (thumbprint: string) =>
    `azlro batch cancel-certificate-deletion --account-endpoint ${endpoints.batch} --thumbprint ${thumbprint}   # + AZ_BATCH_ACCOUNT, AZ_BATCH_ACCESS_KEY`;
  const certificate = (thumbprint: string) =>
    ({ name: 'batch cancel-certificate-deletion', accountEndpoint: endpoints.batch, thumbprint, thumbprintAlgorithm: 'sha1' }) as const;
  return [
    {
      title: 'Abort the operation running on an AKS cluster',
      cli: `azlro aks abort ${aks}`,
      command: { name: 'aks abort', ...cluster },
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: 'Wait for an AKS command result',
      cli: `azlro aks command-result ${aks} --command-id ${commands.succeeds}`,
      command: { name: 'aks command-result', ...cluster, commandId: commands.succeeds },
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: 'Abort a stuck node-pool upgrade',
      cli: `azlro aks nodepool abort --endpoint ${endpoints.arm} --subscription ${subscriptionId} -g ${resourceGroupName} --cluster-name ${clusters.abortAccepted} --nodepool-name ${agentPools.abortAccepted}`,
      command: { name: 'aks nodepool abort', ...cluster, agentPoolName: agentPools.abortAccepted },
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: 'Run a command on the cluster and wait for its exit code and logs',
      cli: `azlro aks command invoke ${aks} --command ${JSON.stringify(runCommand.succeeds)}`,
      command: { name: 'aks command invoke', ...cluster, command: runCommand.succeeds, files: [] },
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: 'Cancel a Cloud Partner Portal offer operation',
      cli: `azlro partner cancel --endpoint ${endpoints.cloudPartner} --publisher ${cloudPartner.publisherId} --offer ${cloudPartner.offers.accepted}`,
      command: { name: 'partner cancel', publisherId: cloudPartner.publisherId, offerId: cloudPartner.offers.accepted },
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: "Cancel a Batch certificate deletion (Shared Key, signed with the emulator's fake key)",
      cli: batchCli(batch.thumbprints.canceled),
      command: certificate(batch.thumbprints.canceled),
      expectExit: EXIT_CODES.succeeded,
    },
    {
      title: 'The same, as Azure answers it today: the feature is retired',
      cli: batchCli(batch.thumbprints.retired),
      command: certificate(batch.thumbprints.retired),
      expectExit: EXIT_CODES.serviceError,
    },
  ];
}

async function runStep(step: InProcessStep, ctx: CommandContext, traffic: Traffic): Promise<Report> {
  const { run } = await commandNamed(step.command.name)!.load();
  return run(step.command as never, ctx, traffic) as Promise<Report>;
}

/** Runs one step with live progress, shows its report and what the measured traffic says. */
export async function runInProcessStep(session: DemoSession, step: InProcessStep, heading: string): Promise<void> {
  const { ctx, info, style, say } = session;
  say();
  say(`${style.bold(heading)}  ${style.bold(step.title)}`);
  say(style.dim(indent(`$ ${step.cli}`)));
  const traffic = new Traffic();
  const { name } = step.command;
  const endpoint = name === 'partner cancel' ? info.endpoints.cloudPartner : name === 'batch cancel-certificate-deletion' ? undefined : info.endpoints.arm;
  const report = await runStep(step, { ...ctx, options: { ...session.options, endpoint }, startedAt: performance.now() }, traffic);
  if (ctx.io.signal?.aborted) session.interrupted = true;
  say(indent(renderText(report, style)));
  say(style.dim(indent(describeExchanges(traffic.exchanges))));
  const retryAfter = describeRetryAfter(traffic.exchanges);
  if (retryAfter) say(indent(`${retryAfter.honoured ? style.green('✔') : style.red('✖')} ${retryAfter.text}`));
  else if (traffic.exchanges.some((e) => e.method === 'GET')) {
    say(style.dim(indent(`no Retry-After on the first answer: the poller waited its ${POLL_INTERVAL_IN_MS / 1000} s interval, no sooner`)));
  }
  const check = checkRetryAfter(traffic.exchanges);
  session.summaries.push({
    step: step.title,
    operation: step.command.name,
    status: report.status,
    exitCode: report.exitCode,
    expected: report.exitCode === step.expectExit && check.early === 0,
    requests: String(traffic.count),
    durationInMs: report.durationInMs ?? 0,
    retryAfter: check.waits === 0 ? '—' : check.early === 0 ? `honoured (${check.waits})` : `${check.early} early`,
    retryAfterWaits: check.waits,
    retryAfterEarly: check.early,
    ...(report.error?.code ? { errorCode: report.error.code } : {}),
  });
}
