import type { RequestIds } from '@azlro/http';
import { decodeBase64Url, encodeBase64Url } from '@azlro/http/internal';
import { isOperationKind, OPERATION_KINDS, serviceOf, type OperationKind, type ServiceName } from './kinds.js';
import { OperationError, type OperationErrorBody } from './errors/operation-error.js';
import type { OperationState } from './state.js';
import { isTerminal, type OperationStatus } from './status.js';

/** The resume-token format this package writes and reads. */
export const RESUME_TOKEN_VERSION = 1;

/** The URL the next poll goes to, and what kind of resource it is. */
export interface PollingTarget {
  /** Absolute URL, exactly as the service gave it (relative ones resolved against the endpoint). */
  url: string;
  /** ARM only: an `Azure-AsyncOperation` status resource or a `location` result resource. */
  via?: 'asyncOperation' | 'location';
  /**
   * Command results only: the documented URL, built from the caller's own parameters. When a URL
   * the service handed out (`Location`) fails with a 4xx, the poller polls this one instead.
   */
  resourceUrl?: string;
  /** Set once a handed-out URL failed: from then on only `resourceUrl` is polled, `Location` is ignored. */
  resourceUrlOnly?: true;
}

/** What a resume token holds. No credential, ever: restoring needs a client with fresh credentials. */
export interface ResumeToken {
  /** Format version; `parseResumeToken` refuses others. */
  version: typeof RESUME_TOKEN_VERSION;
  /** The operation being followed. */
  kind: OperationKind;
  /** Which client restores it (`client.service`). */
  service: ServiceName;
  /** The client endpoint the operation was started on, e.g. `https://management.azure.com`. */
  endpoint: string;
  /** Where to poll next; absent once the operation is done. */
  polling?: PollingTarget;
  /** Epoch milliseconds before which the service asked not to be polled (`Retry-After`). */
  notBefore?: number;
  /** The last known state. */
  state: Omit<OperationState<unknown>, 'kind'>;
}

/** Encodes a token: base64url of JSON, so it is safe in URLs, shells and file names. */
export function encodeResumeToken(token: Omit<ResumeToken, 'version' | 'service'>): string {
  const { kind, endpoint, polling, notBefore, state } = token;
  return encodeBase64Url(JSON.stringify({ version: RESUME_TOKEN_VERSION, kind, endpoint, polling, notBefore, state }));
}

const STATUSES: readonly OperationStatus[] = ['notStarted', 'running', 'succeeded', 'failed', 'canceled'];

function invalid(problem: string): never {
  throw new RangeError(`resumeToken ${problem}`);
}

function httpUrl(value: unknown, name: string): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) invalid(`has no valid ${name} (an absolute http(s) URL)`);
  return value as string;
}

function optional<T>(value: unknown, type: string, name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== type) invalid(`has an invalid state.${name}`);
  return value as T;
}

function readState(value: unknown): ResumeToken['state'] {
  if (typeof value !== 'object' || value === null) invalid('has no state');
  const s = value as Record<string, unknown>;
  if (!STATUSES.includes(s.status as OperationStatus)) invalid(`has an invalid state.status: ${JSON.stringify(s.status)}`);
  if (!Number.isInteger(s.pollCount) || (s.pollCount as number) < 0) invalid('has an invalid state.pollCount');
  const ids = s.requestIds;
  if (typeof ids !== 'object' || ids === null || Object.values(ids).some((v) => typeof v !== 'string')) invalid('has invalid state.requestIds');
  const error = s.error;
  if (error !== undefined && (typeof error !== 'object' || error === null)) invalid('has an invalid state.error');
  const state = {
    status: s.status as OperationStatus,
    serviceStatus: optional<string>(s.serviceStatus, 'string', 'serviceStatus'),
    percentComplete: optional<number>(s.percentComplete, 'number', 'percentComplete'),
    startTime: optional<string>(s.startTime, 'string', 'startTime'),
    endTime: optional<string>(s.endTime, 'string', 'endTime'),
    error: OperationError.from(error as OperationErrorBody | undefined),
    requestIds: { ...(ids as RequestIds) },
    pollCount: s.pollCount as number,
    result: s.result,
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as ResumeToken['state'];
}

/**
 * Reads and validates a resume token without restoring anything, e.g. to build the right client
 * from its `kind` and `endpoint`. Throws a TypeError/RangeError naming `resumeToken` for garbage.
 */
export function parseResumeToken(resumeToken: string): ResumeToken {
  if (typeof resumeToken !== 'string') throw new TypeError(`resumeToken must be a string; got ${typeof resumeToken}`);
  let raw: unknown;
  try {
    raw = JSON.parse(decodeBase64Url(resumeToken.trim()));
  } catch {
    invalid('is not a resume token (expected base64url-encoded JSON from poller.serialize())');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) invalid('is not a resume token (not a JSON object)');
  const t = raw as Record<string, unknown>;
  if (t.version !== RESUME_TOKEN_VERSION) invalid(`has version ${JSON.stringify(t.version)}; this package reads version ${RESUME_TOKEN_VERSION}`);
  if (!isOperationKind(t.kind)) invalid(`has an unknown kind ${JSON.stringify(t.kind)}; known: ${OPERATION_KINDS.join(', ')}`);
  const endpoint = httpUrl(t.endpoint, 'endpoint');
  const state = readState(t.state);
  const token: ResumeToken = { version: RESUME_TOKEN_VERSION, kind: t.kind, service: serviceOf(t.kind), endpoint, state };
  if (t.polling !== undefined) {
    const p = t.polling as Record<string, unknown> | null;
    if (typeof p !== 'object' || p === null) invalid('has an invalid polling target');
    if (p.via !== undefined && p.via !== 'asyncOperation' && p.via !== 'location') invalid(`has an invalid polling.via ${JSON.stringify(p.via)}`);
    token.polling = { url: httpUrl(p.url, 'polling.url'), ...(p.via ? { via: p.via } : {}) };
    if (p.resourceUrl !== undefined) token.polling.resourceUrl = httpUrl(p.resourceUrl, 'polling.resourceUrl');
    if (p.resourceUrlOnly === true && token.polling.resourceUrl !== undefined) token.polling.resourceUrlOnly = true;
  }
  if (!isTerminal(state.status) && !token.polling) invalid(`says ${state.status} but has no polling URL`);
  if (t.notBefore !== undefined) {
    if (typeof t.notBefore !== 'number' || !Number.isFinite(t.notBefore)) invalid('has an invalid notBefore');
    token.notBefore = t.notBefore;
  }
  return token;
}
