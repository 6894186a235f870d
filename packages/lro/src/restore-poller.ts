import type { CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import type { ContainerServiceClient, RunCommandResult } from '@azlro/containerservice';
import { checkClient } from './check-client.js';
import { resolvePollerOptions } from './check-options.js';
import { operationOf } from './kinds.js';
import { LroPoller } from './lro-poller.js';
import { CLIENT_FACTORIES } from './operation.js';
import type { PollerOptions } from './options.js';
import type { Poller } from './poller.js';
import { followablePollingUrl } from './polling-url.js';
import { parseResumeToken } from './resume-token.js';

/** Options for {@link restorePoller}. */
export interface RestorePollerOptions extends PollerOptions {}

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
  checkClient(client, token.service, CLIENT_FACTORIES[token.service]);
  const tokenOrigin = new URL(token.endpoint).origin;
  const clientOrigin = new URL(client.endpoint).origin;
  if (tokenOrigin !== clientOrigin) {
    throw new RangeError(`resumeToken was made for ${tokenOrigin}; the client's endpoint is ${clientOrigin}`);
  }
  const resolved = resolvePollerOptions(options, client.endpoint);
  const operation = operationOf(token.kind)!;
  if (token.polling) {
    followablePollingUrl(token.polling.url, client.endpoint, resolved.pollingOrigins, 'the resume token');
    if (token.polling.resourceUrl) followablePollingUrl(token.polling.resourceUrl, client.endpoint, resolved.pollingOrigins, 'the resume token');
    operation.strategy.checkTarget(token.polling);
  }
  return new LroPoller(client, operation, resolved, { restored: token });
}
