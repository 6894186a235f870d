/**
 * The base of azlro's own error classes (`@azlro/http` and `@azlro/lro`): an `Error` with
 * `message` (and `cause`, through `options`) whose own enumerable fields are `fields`, defined in
 * the order given (`name` first), as the subclasses' class fields were. One constructor for all of
 * them keeps the browser bundle small (issue 14).
 */
export class FieldsError extends Error {
  constructor(message: string, fields: object, options?: { cause: unknown }) {
    super(message, options);
    Object.assign(this, fields);
  }
}

/**
 * `error` for `JSON.stringify`: `name`, `message`, then its other own enumerable fields in order
 * (a non-enumerable one, such as `ApiError.response`, stays out).
 */
export function errorJson(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, ...(error as object) };
}

/** True for an object (not null) whose `name` is `name`: the cross-copy half of each `is…Error` guard. */
export function isNamed(value: unknown, name: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}
