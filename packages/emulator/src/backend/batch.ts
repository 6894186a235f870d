import { randomBytes, randomUUID } from 'node:crypto';
import { verifySharedKey } from '@azlro/http/internal';
import { ORIGINAL_TARGET_HEADER } from '../front-door.js';
import { OUTCOME_PREFIXES } from '../info.js';
import { hasBearerToken, startsWith } from './replies.js';
import type { BackendContext, EmulatorRequest, Reply, Route } from './types.js';

function batchError(status: number, code: string, message: string, headers: Record<string, string>, values?: { key: string; value: string }[]): Reply {
  return { status, headers, json: { code, message: { lang: 'en-US', value: message }, ...(values ? { values } : {}) } };
}

/** Batch's 403 for any Shared Key failure; `detail` goes where the service puts it, `values[]`. */
function authenticationFailed(headers: Record<string, string>, detail: string): Reply {
  return batchError(403, 'AuthenticationFailed',
    'Server failed to authenticate the request. Make sure the value of Authorization header is correctly formed including the signature.',
    headers, [{ key: 'AuthenticationErrorDetail', value: detail }]);
}

/** Batch ETags look like `0x8DC3A0F1E2B3C4D`. */
function newEtag(): string {
  return `0x8DC${randomBytes(6).toString('hex').toUpperCase()}`;
}

/**
 * Shared Key is verified against the configured accounts; any non-empty bearer token passes.
 * The Authorization value is only ever compared, never logged or echoed.
 */
async function isAuthenticated(request: EmulatorRequest, context: BackendContext): Promise<boolean> {
  if (hasBearerToken(request.headers)) return true;
  const account = /^SharedKey ([^:\s]+):/.exec(request.headers.authorization ?? '')?.[1];
  const key = context.batchAccounts.find((candidate) => candidate.name === account)?.key;
  if (!account || !key) return false;
  // Shared Key signs the request target as the client sent it, before the front door folded its case.
  const sent = request.headers[ORIGINAL_TARGET_HEADER];
  const url = typeof sent === 'string' && sent.startsWith('/') ? sent : request.url;
  return verifySharedKey({ method: request.method, url, headers: request.headers }, account, key);
}

/**
 * Certificate cancel deletion (the retired Batch certificate feature). A well-formed thumbprint names
 * a certificate in `deleteFailed` unless its prefix picks another state (active: 409, missing: 404);
 * canceling is synchronous and idempotent, so no state is kept.
 */
export function batchRoutes(context: BackendContext): { routes: Route[]; reset(): void } {
  async function cancelDeletion(request: EmulatorRequest, [, rawThumbprint]: readonly string[]): Promise<Reply> {
    const headers: Record<string, string> = { 'request-id': randomUUID() };
    const clientRequestId = request.headers['client-request-id'];
    // The service reads the flag case-insensitively (.NET clients send `True`).
    if (String(request.headers['return-client-request-id']).toLowerCase() === 'true' && typeof clientRequestId === 'string') {
      headers['client-request-id'] = clientRequestId;
    }
    // "An authenticated request requires two headers: the Date or ocp-date header and the Authorization
    // header" (Batch "Authenticate requests"); a signature alone, over no time, is refused.
    if (/^SharedKey /.test(request.headers.authorization ?? '') && !request.headers['ocp-date'] && !request.headers.date) {
      return authenticationFailed(headers, 'A Shared Key request needs an ocp-date or Date header.');
    }
    if (!(await isAuthenticated(request, context))) {
      return authenticationFailed(headers, 'The MAC signature found in the HTTP request is not the same as any computed signature.');
    }
    const thumbprint = rawThumbprint!.toLowerCase();
    if (context.certificatesRetired || startsWith(thumbprint, OUTCOME_PREFIXES.retiredCertificate)) {
      return batchError(400, 'CertificateRetired',
        'The Batch certificate feature has been retired. Use the Azure Key Vault VM extension instead.', headers);
    }
    // The service's own codes (BatchErrorCodeStrings) for a certificate that cannot be canceled.
    if (startsWith(thumbprint, OUTCOME_PREFIXES.missingCertificate)) {
      return batchError(404, 'CertificateNotFound', 'The specified certificate does not exist.', headers);
    }
    if (startsWith(thumbprint, OUTCOME_PREFIXES.activeCertificate)) {
      return batchError(409, 'CertificateStateActive',
        'A certificate operation was attempted which is not permitted when the certificate is active.', headers);
    }
    return {
      status: 204,
      headers: {
        ...headers,
        ETag: newEtag(),
        'Last-Modified': new Date(context.now()).toUTCString(),
        DataServiceId: `${context.publicOrigin('batch')}${request.path}`,
      },
    };
  }

  return {
    routes: [
      {
        method: 'POST',
        pattern: /^\/certificates\(thumbprintAlgorithm=(sha1),thumbprint=([0-9a-f]{40})\)\/canceldelete$/i,
        handle: cancelDeletion,
      },
    ],
    reset: () => {},
  };
}
