import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { isApiError, type ApiError } from '@azlro/http';
import { documentedResponses } from './documented-responses.js';

/** Prism accepts any bearer token; this one is recognisable in a failure message. */
export const contractCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'contract-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** `Prefer` options for an operation call: which documented response Prism should answer with. */
export const prefer = (value: string) => ({ headers: { Prefer: value } });

/** Awaits a call that must fail with an `ApiError`, and returns it. */
export async function expectApiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/**
 * What broke the spec, as Prism lists it in `sl-violations` (the body is the spec's default example),
 * as `location/code` pairs such as `path/subscriptionid format` (Prism lower-cases parameter names).
 */
export function violations(error: ApiError): string[] {
  const listed = JSON.parse(error.response?.headers.get('sl-violations') ?? '[]') as { location: string[]; code: string }[];
  return listed.map((v) => `${v.location.slice(1).join('/')} ${v.code}`);
}

/**
 * Tracks which (operation, status, example) a contract test file exercised, to compare with what
 * its spec documents: a status or named example added to a spec without a test fails the suite.
 */
export function contractCoverage(service: 'containerservice' | 'batch' | 'cloudpartner') {
  const pairs = new Set<string>();
  const examples = new Set<string>();
  return {
    cover(operationId: string, status: string, example?: string): void {
      pairs.add(`${operationId} ${status}`);
      if (example) examples.add(`${operationId} ${status} ${example}`);
    },
    /** Sorted lists of what was covered next to what the spec documents. */
    report() {
      const documented = documentedResponses(service);
      return {
        covered: [...pairs].sort(),
        documented: [...new Set(documented.map((r) => `${r.operationId} ${r.status}`))].sort(),
        coveredExamples: [...examples].sort(),
        documentedExamples: documented.flatMap((r) => r.examples.map((e) => `${r.operationId} ${r.status} ${e}`)).sort(),
      };
    },
  };
}
