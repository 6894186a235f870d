/**
 * The base of lro's own error classes: an `Error` with `message` whose own enumerable fields are
 * `fields`, defined in the order given (`name` first), as the subclasses' class fields were. One
 * constructor for all of them keeps the browser bundle small (issue 14).
 */
export class FieldsError extends Error {
  constructor(message: string, fields: object) {
    super(message);
    Object.assign(this, fields);
  }
}

/** True for an object (not null) whose `name` is `name`: the cross-copy half of each `is…Error` guard. */
export function isNamed(value: unknown, name: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}
