import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { specPath } from './global-setup.js';

/** One (operation, status) pair a spec documents, with the names of its examples. */
export interface DocumentedResponse {
  operationId: string;
  /** `'202'`, `'409'`, … or `'default'`. */
  status: string;
  /** Named body examples, or named header examples when the response has no body. */
  examples: string[];
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { examples?: Record<string, unknown> }>;
}

/**
 * Every (operationId, status) a spec documents. Contract tests compare their own table with this
 * list, so a status added to a spec without a test fails the suite.
 */
export function documentedResponses(service: 'containerservice' | 'batch' | 'cloudpartner'): DocumentedResponse[] {
  const doc = parse(readFileSync(specPath(service), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, ResponseObject> }>>;
    components?: { responses?: Record<string, ResponseObject> };
  };
  const resolve = (response: ResponseObject): ResponseObject =>
    response.$ref ? (doc.components?.responses?.[response.$ref.split('/').pop()!] ?? response) : response;
  const result: DocumentedResponse[] = [];
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation.operationId || !operation.responses) continue;
      for (const [status, raw] of Object.entries(operation.responses)) {
        const response = resolve(raw);
        const examples = Object.values(response.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {}));
        result.push({ operationId: operation.operationId, status, examples });
      }
    }
  }
  return result;
}
