import { describe, expect, test } from 'vitest';
import { pathCanonicalizer, specPaths } from '../src/front-door.js';

describe('pathCanonicalizer (ARM matches paths case-insensitively; OpenAPI tools do not)', () => {
  const fold = pathCanonicalizer([
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedclusters/{resourceName}/abort',
    '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operations/{operationId}',
    '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operationresults/{operationId}',
    '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})/canceldelete',
  ]);

  test('fixed segments take the spec\'s spelling; identifiers keep the caller\'s', () => {
    expect(fold('/SUBSCRIPTIONS/S-1/resourcegroups/My-RG/providers/microsoft.containerservice/managedClusters/Aks-1/Abort')).toBe(
      '/subscriptions/S-1/resourceGroups/My-RG/providers/Microsoft.ContainerService/managedclusters/Aks-1/abort',
    );
    expect(fold('/subscriptions/s/providers/Microsoft.ContainerService/locations/EastUS/OperationResults/Op-1')).toBe(
      '/subscriptions/s/providers/Microsoft.ContainerService/locations/EastUS/operationresults/Op-1',
    );
  });

  test('delimiters of a literal part match whether or not they are percent-encoded', () => {
    expect(fold('/certificates%28thumbprintAlgorithm%3DSHA1%2cthumbprint%3Dab12%29/canceldelete')).toBe(
      '/certificates(thumbprintAlgorithm=SHA1,thumbprint=ab12)/canceldelete',
    );
  });

  test('a path no template matches is left as it is (Prism answers it 404)', () => {
    expect(fold('/subscriptions/s/Somewhere/else')).toBe('/subscriptions/s/Somewhere/else');
    expect(fold('/subscriptions/s/providers/Microsoft.ContainerService/locations/l/operations/a/b')).toBe(
      '/subscriptions/s/providers/Microsoft.ContainerService/locations/l/operations/a/b',
    );
  });
});

test('specPaths reads the path keys of a spec', () => {
  const yaml = ['openapi: 3.0.3', 'paths:', '  /a/{x}:', '    get:', "  '/b(c={d})':", 'components:', '  /not-a-path:'].join('\n');
  expect(specPaths(yaml)).toEqual(['/a/{x}', '/b(c={d})']);
});
