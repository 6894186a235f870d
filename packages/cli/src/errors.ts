import { escapeControl, redactText } from '@azlro/http/internal';
import { UsageError } from './args.js';
import { abortConflictReason } from '@azlro/lro/containerservice';
import { abortConflictHint } from './abort-hint.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import type { OperationName, ReportError } from './report.js';

/** How an error ends the command. */
export interface Classified {
  exitCode: ExitCode;
  error: ReportError;
  /** Only the wait failed (a refused polling URL, answers with no status): the operation itself goes on. */
  waitFailed?: boolean;
}

/** What is known about the requests when the error happened. */
export interface ErrorContext {
  /** Thrown before any request went out: argument errors are usage errors (exit 2) only then. @default false */
  beforeSending?: boolean;
  /** The service had accepted the request (a poll failed, not the initial request). @default false */
  accepted?: boolean;
  /** The failed request was sent more than once (the pipeline retried it). @default false */
  retried?: boolean;
}

/** Identity errors, told apart by name: @azure/identity is never imported just to check them. */
const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AggregateAuthenticationError', 'AuthenticationError', 'AuthenticationRequiredError']);

/** Longest message kept from errors whose messages can run to pages (DefaultAzureCredential's). */
const MAX_MESSAGE_LENGTH = 400;

interface ApiErrorLike {
  name: 'ApiError';
  message: string;
  status: number;
  kind: string;
  code?: string;
  requestId?: string;
  method: string;
  url: string;
  /** Set by @azlro/lro's HandedOutUrlError: the header the failing URL came from. */
  urlSource?: string;
  details?: readonly unknown[];
}

function isApiErrorLike(error: unknown): error is ApiErrorLike {
  const e = error as Partial<ApiErrorLike> | null;
  return typeof e === 'object' && e !== null && e.name === 'ApiError' && typeof e.status === 'number' && typeof e.message === 'string';
}

function nameOf(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as Error).name === 'string' ? (error as Error).name : 'Error';
}

function messageOf(error: unknown): string {
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as Error).message)
    : String(error);
  const firstLines = message.split('\n').filter((line) => line.trim() !== '').slice(0, 3).join(' ').trim();
  // Node's and the service's words can carry terminal escapes (shown, never obeyed) and URLs with
  // credentials in them (user-info, SAS signatures, tokens: redacted by structure).
  const safe = escapeControl(redactText(firstLines));
  return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH)}…` : safe;
}

/** The service's own words: ApiError's message is `METHOD url: status code: text`; keep `text`. */
function serviceMessage(error: ApiErrorLike): string {
  const prefix = `${error.method} ${error.url}: ${error.status}${error.code ? ` ${error.code}` : ''}`;
  const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length).replace(/^:\s*/, '') : error.message;
  return escapeControl(redactText(text.trim() || `HTTP ${error.status}`));
}

/** What an ApiError means for this operation, in plain words, when there is more to say. */
function apiHint(error: ApiErrorLike, operation: OperationName | undefined, context: ErrorContext): string | undefined {
  if (typeof error.urlSource === 'string') {
    // After the service accepted the request, a 404 from its own status URL means the operation's record is gone.
    if (error.status === 404 && context.accepted) {
      return `the operation's record is gone: the service accepted the request, then its polling URL (in ${error.urlSource}) answered 404 ` +
        '(operation records expire); check the resource itself for the outcome';
    }
    return `the service handed out a polling URL (in ${error.urlSource}) that it then refused: ` +
      'not a problem with your parameters; report it to the service with the request id';
  }
  switch (error.kind) {
    case 'conflict':
      return operation === 'aks abort' || operation === 'aks nodepool abort'
        ? abortConflictHint(abortConflictReason(error), serviceMessage(error), operation === 'aks abort' ? 'cluster' : 'node pool') +
          (context.retried ? ' (the abort was resent after a transient error: an earlier attempt may have aborted it)' : '')
        : undefined;
    case 'certificateRetired':
      return 'the Batch certificate feature was retired on 2024-02-29, and Cancel Certificate Deletion (deprecated) with it; ' +
        'manage certificates with the Azure Key Vault VM extension instead';
    case 'unauthorized':
    case 'forbidden':
      return 'the credential was refused: check --access-token / AZLRO_ACCESS_TOKEN, `az login` for DefaultAzureCredential, ' +
        'or the Batch account name and key';
    case 'notFound':
      if (context.accepted && error.method === 'GET') {
        return "the operation's record is gone: the service accepted the request, then its status URL answered 404 " +
          '(operation records expire); check the resource itself for the outcome';
      }
      return operation === 'aks command-result'
        ? 'no such cluster or command: check --subscription, --resource-group, --name and --command-id'
        : 'not found: check the names you passed';
    case 'throttled':
      return `the service is throttling requests (429)${context.retried ? ', still after the retries' : ''}: try again later`;
    case 'redirect':
      return 'the service answered with a redirect, which azlro never follows (a credential must not leave its origin)';
    default:
      return undefined;
  }
}

/**
 * Maps anything a command throws to an exit code and the error fields of the report.
 * `beforeSending`: thrown before any request went out, so a refused polling URL (a resume token
 * pointing elsewhere) is bad input too.
 */
export function classifyError(error: unknown, operation?: OperationName, contextOrBeforeSending: ErrorContext | boolean = {}): Classified {
  const context = typeof contextOrBeforeSending === 'boolean' ? { beforeSending: contextOrBeforeSending } : contextOrBeforeSending;
  const beforeSending = context.beforeSending === true;
  const name = nameOf(error);
  const refused = name === 'CredentialOriginError' || (beforeSending && name === 'PollingOriginError');
  // An argument error is the user's only before sending; after, it came from what the service sent.
  const badArgument = beforeSending && (error instanceof TypeError || error instanceof RangeError);
  if (error instanceof UsageError || badArgument || refused) {
    return { exitCode: EXIT_CODES.usage, error: { code: 'InvalidUsage', message: messageOf(error) } };
  }
  if (isApiErrorLike(error)) {
    const hint = apiHint(error, operation, context);
    const reason = operation === 'aks abort' || operation === 'aks nodepool abort' ? abortConflictReason(error) : undefined;
    const code = error.code === undefined || error.code === null ? undefined : String(error.code);
    const details = Array.isArray(error.details) && error.details.length > 0 ? { details: error.details } : {};
    return {
      exitCode: EXIT_CODES.serviceError,
      error: {
        status: error.status, code, message: serviceMessage(error), requestId: error.requestId, ...details,
        ...(hint ? { hint } : {}), ...(reason ? { reason } : {}), ...(error.urlSource ? { urlSource: error.urlSource, url: error.url } : {}),
      },
    };
  }
  if (name === 'NetworkError' || name === 'RequestTimeoutError') {
    const hint = `the service could not be reached${context.retried ? ', still after the retries' : ''}`;
    return { exitCode: EXIT_CODES.serviceError, error: { code: name, message: messageOf(error), hint } };
  }
  if (name === 'PollingOriginError') {
    return {
      exitCode: EXIT_CODES.serviceError,
      waitFailed: true,
      error: { code: name, message: messageOf(error), hint: 'azlro refused to follow the polling URL to another origin; the operation goes on at the service' },
    };
  }
  if (name === 'PollingProtocolError') {
    const e = error as { status?: number; requestIds?: { requestId?: string } };
    return {
      exitCode: EXIT_CODES.serviceError,
      waitFailed: true,
      error: {
        code: name, status: e.status, message: messageOf(error), requestId: e.requestIds?.requestId,
        hint: 'the service kept answering polls with no usable status; the operation may go on: resume the wait later',
      },
    };
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    return {
      exitCode: EXIT_CODES.serviceError,
      error: {
        code: name,
        message: messageOf(error),
        hint: 'no Azure credential: sign in with `az login` (DefaultAzureCredential), or pass --access-token / AZLRO_ACCESS_TOKEN',
      },
    };
  }
  return { exitCode: EXIT_CODES.serviceError, error: { code: name, message: messageOf(error) } };
}
