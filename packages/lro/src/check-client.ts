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
