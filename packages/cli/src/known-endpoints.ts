/**
 * The public and sovereign clouds' own endpoints: the only ones a resume token may send a
 * credential to without the user confirming it with --endpoint. Loopback is not among them: any
 * local process can listen on a loopback port, so a token naming one gets nothing unasked.
 */
const KNOWN_ORIGINS: ReadonlySet<string> = new Set([
  'https://management.azure.com',
  'https://management.usgovcloudapi.net',
  'https://management.chinacloudapi.cn',
  'https://cloudpartner.azure.com',
]);

/** True for the origin of a known Azure cloud endpoint. */
export function isKnownEndpoint(endpoint: string): boolean {
  return URL.canParse(endpoint) && KNOWN_ORIGINS.has(new URL(endpoint).origin);
}
