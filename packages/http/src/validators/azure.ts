import { assertLength, assertPattern, assertString, assertUuid } from './assert.js';

/**
 * ARM resource group names: 1-90 Unicode letters, digits, `-` `_` `.` `(` `)`, not ending in `.`.
 * ARM's common-types pattern `^[-\w\._\(\)]+$` is a .NET regex, whose `\w` is Unicode
 * (`\p{L}\p{Mn}\p{Nd}\p{Pc}`): `résumé-rg` and `日本` are valid groups. Same pattern as
 * specs/containerservice.yaml (where Prism compiles it with the `u` flag too).
 */
const RESOURCE_GROUP_NAME = /^[-\w._()\p{L}\p{Mn}\p{Nd}\p{Pc}]*[-\w_()\p{L}\p{Mn}\p{Nd}\p{Pc}]$/u;
/** AKS managed cluster names (the containerservice spec's pattern). */
const RESOURCE_NAME = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;
/** A SHA-1 thumbprint: 40 hex digits. */
const THUMBPRINT = /^[0-9a-fA-F]{40}$/;

/** Throws unless `value` is a subscription id (a UUID). */
export function validateSubscriptionId(value: unknown, name = 'subscriptionId'): asserts value is string {
  assertUuid(name, value);
}

/**
 * Throws unless `value` is a valid ARM resource group name: 1-90 characters of Unicode letters,
 * digits, `-`, `_`, `.`, `(`, `)`, not ending in `.` (ARM's rule; see {@link RESOURCE_GROUP_NAME}).
 * Length is counted in code points, as JSON Schema's `maxLength` (and so Prism) counts it.
 * TypeError when not a string; RangeError naming `name` otherwise.
 */
export function validateResourceGroupName(value: unknown, name = 'resourceGroupName'): asserts value is string {
  assertString(name, value);
  const length = [...value].length;
  if (length < 1 || length > 90) throw new RangeError(`${name} must be 1-90 characters long; got ${length}`);
  if (value.endsWith('.')) throw new RangeError(`${name} must not end with '.'; got ${JSON.stringify(value)}`);
  assertPattern(name, value, RESOURCE_GROUP_NAME, 'Unicode letters, digits, -, _, ., ( or )');
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

/**
 * Throws unless `params` names a managed cluster: `subscriptionId` (a UUID), `resourceGroupName`
 * and `resourceName` as {@link validateSubscriptionId}, {@link validateResourceGroupName} and
 * {@link validateResourceName} check them (TypeError/RangeError naming the parameter). The one
 * check of the three path parameters of every AKS cluster operation (the containerservice spec's).
 */
export function validateClusterParams(params: {
  readonly subscriptionId: unknown;
  readonly resourceGroupName: unknown;
  readonly resourceName: unknown;
}): asserts params is { subscriptionId: string; resourceGroupName: string; resourceName: string } {
  validateSubscriptionId(params.subscriptionId);
  validateResourceGroupName(params.resourceGroupName);
  validateResourceName(params.resourceName);
}
