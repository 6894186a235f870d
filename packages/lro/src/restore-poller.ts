import type { CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import type { ContainerServiceClient, RunCommandResult } from '@azlro/containerservice';
import { checkClient } from './check-client.js';
import { resolvePollerOptions } from './check-options.js';
import type { OperationKind } from './kinds.js';
import { LroPoller } from './lro-poller.js';
import type { PollerOptions } from './options.js';
import type { Poller } from './poller.js';
import { followablePollingUrl } from './polling-url.js';
import { parseResumeToken } from './resume-token.js';
import { agentPoolAbort } from './strategies/agent-pool-abort.js';
import { armVoidOperation } from './strategies/arm-operation.js';
import { commandResult } from './strategies/command-result.js';
import { partnerCancellation } from './strategies/partner-operation.js';
import { runCommandStrategy } from './strategies/run-command.js';
import type { Strategy } from './strategy.js';

/** Options for {@link restorePoller}. */
export interface RestorePollerOptions extends PollerOptions {}

const STRATEGIES: Readonly<Record<OperationKind, Strategy<never, unknown>>> = {
  'containerservice.abortLatestOperation': armVoidOperation,
  'containerservice.commandResult': commandResult,
  'containerservice.abortAgentPoolLatestOperation': agentPoolAbort,
  'containerservice.runCommand': runCommandStrategy,
  'cloudpartner.cancelOperation': partnerCancellation,
};

/**
 * Continues following an operation from `poller.serialize()` (or a `PollerTimeoutError`'s
 * `resumeToken`), in this or another process, with `client`'s fresh credentials. Sends nothing
 * until polled or awaited. Throws, before anything is sent, for a token that is garbage
 * (TypeError/RangeError), meant for another service or endpoint (TypeError/RangeError), or whose
 * polling URL is not on the client's endpoint origin or `allowedPollingOrigins` (`PollingOriginError`).
 */
export function restorePoller(client: ContainerServiceClient, resumeToken: string, options?: RestorePollerOptions): Poller<RunCommandResult | undefined>;
export function restorePoller(client: CloudPartnerClient, resumeToken: string, options?: RestorePollerOptions): Poller<PartnerOperation | undefined>;
export function restorePoller(
  client: ContainerServiceClient | CloudPartnerClient,
  resumeToken: string,
  options?: RestorePollerOptions,
): Poller<RunCommandResult | PartnerOperation | undefined> {
  const token = parseResumeToken(resumeToken);
  checkClient(client, token.service, token.service === 'containerservice' ? 'createContainerServiceClient' : 'createCloudPartnerClient');
  const tokenOrigin = new URL(token.endpoint).origin;
  const clientOrigin = new URL(client.endpoint).origin;
  if (tokenOrigin !== clientOrigin) {
    throw new RangeError(`resumeToken was made for ${tokenOrigin}; the client's endpoint is ${clientOrigin}`);
  }
  const resolved = resolvePollerOptions(options, client.endpoint);
  const strategy = STRATEGIES[token.kind] as Strategy<typeof client, RunCommandResult | PartnerOperation | undefined>;
  if (token.polling) {
    followablePollingUrl(token.polling.url, client.endpoint, resolved.pollingOrigins, 'the resume token');
    if (token.polling.resourceUrl) followablePollingUrl(token.polling.resourceUrl, client.endpoint, resolved.pollingOrigins, 'the resume token');
    strategy.checkTarget(token.polling);
  }
  return new LroPoller(client, strategy, resolved, { restored: token });
}
