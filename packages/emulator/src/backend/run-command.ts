import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { OUTCOME_PREFIXES } from '../info.js';
import { armHeaders, iso } from './arm.js';
import { startProgress, type Progress } from './progress.js';
import { armUnauthorized, cloudError, decodeSegment, hasBearerToken, retryAfter, startsWith } from './replies.js';
import type { BackendContext, EmulatorRequest, Reply, Route } from './types.js';

/** One command started by `POST …/runCommand`. */
interface RunningCommand {
  readonly clusterKey: string;
  readonly command: string;
  /** What arrived in `context`: each file's name and size, in the zip's order. */
  readonly files: readonly { name: string; size: number }[];
  /** Ends after its time on the backend's clock, or on its n-th poll with `pollsUntilDone`. */
  readonly progress: Progress;
  readonly exitCode: number;
}

const SEGMENT = '([^/]+)';
const CLUSTER = `^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.ContainerService/managedClusters/${SEGMENT}`;
/** The version the command result URL carries, as RunCommandRequest.json shows it. */
const COMMAND_RESULT_API_VERSION = '2024-09-01';

/** `sleep N` in the command: it runs N seconds of the emulator's time. */
const SLEEP = /\bsleep\s+(\d{1,6})\b/;
/** `exit N` in the command: its exit code. */
const EXIT = /\bexit\s+(\d{1,3})\b/;

/** The files of a base64 zip, read from its directory only (nothing is inflated); undefined if it is not a zip. */
function listFiles(context: string): { name: string; size: number }[] | undefined {
  if (context === '') return [];
  const files: { name: string; size: number }[] = [];
  try {
    unzipSync(Buffer.from(context, 'base64'), {
      filter(file) {
        if (!file.name.endsWith('/')) files.push({ name: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return files;
}

/** The logs a finished command "printed": its command, what it received, where it ran. */
function logs(command: RunningCommand, cluster: string, endedAt: number): string {
  const lines = [`$ ${command.command}`, `context: ${command.files.length} file(s)${command.files.length ? ':' : ''}`];
  for (const file of command.files) lines.push(`  ${file.name} (${file.size} bytes)`);
  lines.push(`ran ${Math.round((endedAt - command.progress.startedAt) / 1000)} s on ${cluster} (azlro emulator), exit code ${command.exitCode}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Managed Clusters - Run Command, with state: the POST starts the command (202 and a `location`
 * naming its result, in the service's lower-case `resourcegroups` form); its result answers 202
 * until the command has run its time, then 200 with exit code and logs. Results of commands not
 * started here pass on to the older command-result routes.
 */
export function runCommandRoutes(context: BackendContext): { routes: Route[]; reset(): void } {
  const commands = new Map<string, RunningCommand>();
  const clusterKey = (subscriptionId: string, group: string, name: string) => `${subscriptionId}/${group}/${name}`.toLowerCase();

  function start(request: EmulatorRequest, raw: readonly string[]): Reply {
    const [subscriptionId, group, name] = raw.map(decodeSegment) as [string, string, string];
    const headers = armHeaders(request);
    if (!hasBearerToken(request.headers)) return armUnauthorized(headers);
    if (startsWith(name, OUTCOME_PREFIXES.missing)) {
      return cloudError(404, 'ResourceNotFound', `The Resource 'Microsoft.ContainerService/managedClusters/${name}' under resource group '${group}' was not found.`, headers);
    }
    let body: { command?: unknown; context?: unknown };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return cloudError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.', headers);
    }
    const command = typeof body.command === 'string' ? body.command : '';
    const files = listFiles(typeof body.context === 'string' ? body.context : '');
    if (files === undefined) return cloudError(400, 'InvalidParameter', "The 'context' is not the base64 of a zip file.", headers);
    const seconds = SLEEP.exec(command)?.[1];
    const id = randomUUID().replaceAll('-', '');
    commands.set(id, {
      clusterKey: clusterKey(subscriptionId, group, name),
      command,
      files,
      progress: startProgress(context, seconds === undefined ? context.timings.commandInMs : Number(seconds) * 1000),
      exitCode: Number(EXIT.exec(command)?.[1] ?? 0),
    });
    const [rawSubscription, rawGroup, rawName] = raw;
    const location =
      `${context.publicOrigin('arm')}/subscriptions/${rawSubscription}/resourcegroups/${rawGroup}/providers/Microsoft.ContainerService/managedClusters/` +
      `${rawName}/commandResults/${id}?api-version=${COMMAND_RESULT_API_VERSION}`;
    return { status: 202, headers: { ...headers, location, ...retryAfter(context.timings.retryAfterInSeconds) } };
  }

  function result(request: EmulatorRequest, raw: readonly string[]): Reply | undefined {
    const [subscriptionId, group, name, commandId] = raw.map(decodeSegment) as [string, string, string, string];
    const command = commands.get(commandId);
    // Not one of ours (or another cluster's id): the command-result routes answer.
    if (!command || command.clusterKey !== clusterKey(subscriptionId, group, name)) return undefined;
    const headers = armHeaders(request);
    if (!hasBearerToken(request.headers)) return armUnauthorized(headers);
    const { endedAt } = command.progress.poll();
    if (endedAt === undefined) {
      const location = `${context.publicOrigin('arm')}${request.path}?${request.query.toString()}`;
      return { status: 202, headers: { ...headers, Location: location, ...retryAfter(context.timings.retryAfterInSeconds) } };
    }
    const properties = {
      provisioningState: 'succeeded',
      exitCode: command.exitCode,
      startedAt: iso(command.progress.startedAt),
      finishedAt: iso(endedAt),
      logs: logs(command, name, endedAt),
    };
    return { status: 200, headers, json: { id: commandId, properties } };
  }

  return {
    routes: [
      { method: 'POST', pattern: new RegExp(`${CLUSTER}/runCommand$`, 'i'), handle: start },
      { method: 'GET', pattern: new RegExp(`${CLUSTER}/commandResults/${SEGMENT}$`, 'i'), handle: result },
    ],
    reset: () => commands.clear(),
  };
}
