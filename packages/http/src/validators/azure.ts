import { assertLength, assertPattern, assertString, assertUuid } from './assert.js';

/** ARM resource group names: 1-90 of letters, digits, `-` `_` `.` `(` `)`; not ending in `.` (spec pattern, ASCII `\w`). */
const RESOURCE_GROUP_NAME = /^[-\w._()]+$/;
/** AKS managed cluster names (the containerservice spec's pattern). */
const RESOURCE_NAME = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;
/** A SHA-1 thumbprint: 40 hex digits. */
const THUMBPRINT = /^[0-9a-fA-F]{40}$/;

/** Throws unless `value` is a subscription id (a UUID). */
export function validateSubscriptionId(value: unknown, name = 'subscriptionId'): asserts value is string {
  assertUuid(name, value);
}

/** Throws unless `value` is a valid ARM resource group name. */
export function validateResourceGroupName(value: unknown, name = 'resourceGroupName'): asserts value is string {
  assertLength(name, value, { min: 1, max: 90 });
  assertPattern(name, value, RESOURCE_GROUP_NAME, 'letters, digits, -, _, ., ( or )');
  if (value.endsWith('.')) throw new RangeError(`${name} must not end with '.'; got ${JSON.stringify(value)}`);
}

/** Throws unless `value` is a valid managed cluster name (1-63, alphanumeric ends, `-`/`_` inside). */
export function validateResourceName(value: unknown, name = 'resourceName'): asserts value is string {
  assertPattern(name, value, RESOURCE_NAME, '1-63 letters, digits, - or _, starting and ending with a letter or digit');
}

/** Throws unless `value` is a certificate thumbprint (40 hex digits). */
export function validateThumbprint(value: unknown, name = 'thumbprint'): asserts value is string {
  assertPattern(name, value, THUMBPRINT, '40 hexadecimal digits');
}

/** Throws unless `value` is `'sha1'`, the only thumbprint algorithm Batch knows. */
export function validateThumbprintAlgorithm(value: unknown, name = 'thumbprintAlgorithm'): asserts value is 'sha1' {
  assertString(name, value);
  if (value !== 'sha1') throw new RangeError(`${name} must be 'sha1'; got ${JSON.stringify(value)}`);
}
