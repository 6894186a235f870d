import type { BatchClient } from '@azlro/batch';
import type { CloudPartnerClient } from '@azlro/cloudpartner';
import type { ContainerServiceClient } from '@azlro/containerservice';
import { isLoopbackHost } from '@azlro/http/internal';
import { UsageError } from './args.js';
import { batchCredential, tokenCredential } from './credentials.js';
import { transport } from './debug.js';
import type { CommandContext } from './context.js';
import { envMilliseconds, TRY_TIMEOUT_ENV } from './env-knobs.js';
import { cliLogger } from './logging.js';
import type { Traffic } from './traffic.js';
import { VERSION } from './version.js';

/**
 * The per-try time limit (ms) from `AZLRO_TRY_TIMEOUT_MS`, else the library's default (60 s):
 * a request that is accepted and never answered, or a body that trickles forever, is cut and retried.
 */
function tryTimeout(env: Readonly<Record<string, string | undefined>> = process.env): { tryTimeoutInMs?: number } {
  const tryTimeoutInMs = envMilliseconds(env, TRY_TIMEOUT_ENV, 1);
  return tryTimeoutInMs === undefined ? {} : { tryTimeoutInMs };
}

/** Sent before each client's own User-Agent, so service logs can tell CLI calls apart. */
const USER_AGENT_PREFIX = `azlro-cli/${VERSION}`;

/** Checks a URL option before any client exists, naming the option. */
export function checkEndpoint(option: string, value: string | undefined): void {
  if (value === undefined) return;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(`${option} must be an absolute https URL; got ${JSON.stringify(value)}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(`${option} must use https (plain http only for a loopback host such as the emulator); got ${url.origin}`);
  }
}

/**
 * The AKS client: `--endpoint` (default the public cloud), token credential. The token scope follows
 * the endpoint's cloud (public, China, US Government), from the table the library uses.
 */
export async function aksClient(ctx: CommandContext, traffic: Traffic, endpoint = ctx.options.endpoint): Promise<ContainerServiceClient> {
  checkEndpoint('--endpoint', endpoint);
  const { createContainerServiceClient } = await import('@azlro/containerservice');
  return createContainerServiceClient({
    endpoint,
    credential: await tokenCredential(ctx.options),
    fetch: transport(ctx.options.debug, traffic),
    logger: cliLogger(ctx, 'azlro:http'),
    userAgentPrefix: USER_AGENT_PREFIX,
    ...tryTimeout(),
  });
}

/** The Cloud Partner Portal client: `--endpoint` (default the public portal), token credential. */
export async function partnerClient(ctx: CommandContext, traffic: Traffic, endpoint = ctx.options.endpoint): Promise<CloudPartnerClient> {
  checkEndpoint('--endpoint', endpoint);
  const { createCloudPartnerClient } = await import('@azlro/cloudpartner');
  return createCloudPartnerClient({
    endpoint, credential: await tokenCredential(ctx.options), fetch: transport(ctx.options.debug, traffic), logger: cliLogger(ctx, 'azlro:http'), userAgentPrefix: USER_AGENT_PREFIX,
    ...tryTimeout(),
  });
}

/** The Batch client: `--account-endpoint`, Shared Key or the token credential. */
export async function batchClient(ctx: CommandContext, traffic: Traffic, accountEndpoint: string): Promise<BatchClient> {
  checkEndpoint('--account-endpoint', accountEndpoint);
  const { createBatchClient } = await import('@azlro/batch');
  return createBatchClient({
    endpoint: accountEndpoint,
    credential: await batchCredential(ctx.options),
    fetch: transport(ctx.options.debug, traffic),
    logger: cliLogger(ctx, 'azlro:http'),
    userAgentPrefix: USER_AGENT_PREFIX,
    ...tryTimeout(),
  });
}
