import { AZURE_CLOUDS } from '@azlro/http';

/** The Cloud Partner Portal's one global endpoint (it is not in the per-cloud table). */
const CLOUD_PARTNER_ORIGIN = 'https://cloudpartner.azure.com';

/**
 * The public and sovereign clouds' own endpoints (ARM of each cloud in `AZURE_CLOUDS`, the one
 * table the library and CLI share, plus the Cloud Partner Portal): the only ones a resume token may
 * send a credential to without the user confirming it with --endpoint. Loopback is not among them:
 * any local process can listen on a loopback port, so a token naming one gets nothing unasked.
 */
const KNOWN_ORIGINS: ReadonlySet<string> = new Set([
  ...AZURE_CLOUDS.map((cloud) => new URL(cloud.resourceManagerEndpoint).origin),
  CLOUD_PARTNER_ORIGIN,
]);

/** True for the origin of a known Azure cloud endpoint. */
export function isKnownEndpoint(endpoint: string): boolean {
  return URL.canParse(endpoint) && KNOWN_ORIGINS.has(new URL(endpoint).origin);
}
