import { SERVICE_OPERATIONS } from '@azlro/http/internal';

/** Throws a TypeError unless `client` is an azlro client of `service` (from its `create...Client`). */
export function checkClient(client: unknown, service: string, factory: string): void {
  const candidate = client as { service?: unknown; endpoint?: unknown; client?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.endpoint !== 'string' || typeof candidate.client !== 'object') {
    throw new TypeError(`client must be a client from ${factory}()`);
  }
  if (candidate.service !== service) {
    throw new TypeError(`client must be a ${service} client (from ${factory}()); got a ${String(candidate.service)} client`);
  }
}

/**
 * The send functions `client` carries for lro (`SERVICE_OPERATIONS`, put there by its factory), so
 * lro calls `@azlro/batch`/`@azlro/cloudpartner` without importing them: an AKS user's import of
 * `@azlro/lro` does not load them. Throws a TypeError, before anything is sent, for a client its
 * factory did not make (a hand-made object with the same fields).
 */
export function carriedOperations<TOperations>(client: object, factory: string): TOperations {
  const operations = (client as { [SERVICE_OPERATIONS]?: TOperations })[SERVICE_OPERATIONS];
  if (operations === undefined) throw new TypeError(`client must be a client from ${factory}()`);
  return operations;
}
