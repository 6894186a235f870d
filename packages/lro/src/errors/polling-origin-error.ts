import { FieldsError, isNamed } from '@azlro/http/internal';

/**
 * A polling URL (from a response header or a resume token) points outside the client's endpoint
 * origin and `allowedPollingOrigins`. Thrown before anything is sent there.
 */
export class PollingOriginError extends FieldsError {
  /** Always `'PollingOriginError'`. {@link isPollingOriginError} checks it, so the guard works across two copies of the package. */
  declare readonly name: 'PollingOriginError';
  /** The refused origin. */
  declare readonly origin: string;
  /** The origins that were allowed. */
  declare readonly allowedOrigins: readonly string[];

  constructor(origin: string, allowedOrigins: readonly string[], source: string) {
    super(
      `Refusing to poll ${origin} (from ${source}): only ${allowedOrigins.join(', ')} may be polled ` +
        '(the client endpoint origin, plus allowedPollingOrigins)',
      { name: 'PollingOriginError', origin, allowedOrigins },
    );
  }
}

/** True for a {@link PollingOriginError}, including one from another copy of this package. */
export function isPollingOriginError(value: unknown): value is PollingOriginError {
  if (value instanceof PollingOriginError) return true;
  return isNamed(value, 'PollingOriginError') && typeof value.origin === 'string';
}
