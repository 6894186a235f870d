import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  assertLength, assertPathSegment, assertPattern, assertUuid, encodePathSegment, validateResourceGroupName, validateResourceName, validateSubscriptionId, validateThumbprint, validateThumbprintAlgorithm,
} from '@azlro/http/internal';

/** Any UTF-16 string, lone surrogates included, plus the inputs that matter most. */
const anyString = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', 'E', '?', '#', '\\', '(', ')', ',', '=', ' ', 'a'), maxLength: 8 }),
  fc.constantFrom('', '.', '..', '...', '%2e', '%2e%2e', '.%2E', '/', '//', '?', '#', '\\..', '..\\'),
);
const anyValue = fc.oneof(anyString, fc.anything());

/** Either the value is accepted, or the error is a TypeError/RangeError whose message starts with the name. */
function outcome(run: () => void, name: string): 'accepted' | 'rejected' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
    expect((error as Error).message.startsWith(`${name} `)).toBe(true);
    return 'rejected';
  }
}

describe('encodePathSegment (property)', () => {
  test('any string is either refused naming the parameter, or becomes exactly one segment that decodes back', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        if (outcome(() => assertPathSegment('name', s), 'name') === 'rejected') {
          expect(() => encodePathSegment(s, 'name')).toThrow(/^name /);
          return;
        }
        const { pathname } = new URL(`https://h/a/${encodePathSegment(s, 'name')}/b`);
        const segments = pathname.split('/').slice(1);
        expect(segments).toHaveLength(3);
        expect(segments[0]).toBe('a');
        expect(segments[2]).toBe('b');
        expect(decodeURIComponent(segments[1]!)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  test('the encoded form uses only unreserved characters and %XX', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        if (outcome(() => assertPathSegment('p', s), 'p') === 'accepted') expect(encodePathSegment(s)).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})+$/);
      }),
    );
  });

  test('OData key delimiters are encoded, so a value cannot close certificates(...) early', () => {
    expect(encodePathSegment("x),thumbprint=('y'*!")).toBe('x%29%2Cthumbprint%3D%28%27y%27%2A%21');
  });
});

describe('ready-made validators (property: accepted exactly when the documented rule holds)', () => {
  const cases: [string, (v: unknown) => void, (s: string) => boolean][] = [
    ['subscriptionId', (v) => validateSubscriptionId(v), (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)],
    // ARM's rule, written out independently of the validator: .NET's Unicode \w plus - . ( ), 1-90 code points, no final '.'.
    ['resourceGroupName', (v) => validateResourceGroupName(v), (s) => {
      const chars = [...s];
      return chars.length >= 1 && chars.length <= 90 && !s.endsWith('.') && chars.every((c) => '-._()'.includes(c) || /^[\p{L}\p{Mn}\p{Nd}\p{Pc}]$/u.test(c));
    }],
    ['resourceName', (v) => validateResourceName(v), (s) => s.length <= 63 && /^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(s)],
    ['thumbprint', (v) => validateThumbprint(v), (s) => s.length === 40 && /^[0-9a-fA-F]*$/.test(s)],
    ['thumbprintAlgorithm', (v) => validateThumbprintAlgorithm(v), (s) => s === 'sha1'],
  ];
  const interesting = fc.oneof(
    anyValue,
    fc.uuid().map((u) => u.toUpperCase()),
    fc.stringMatching(/^[-\w._()]{1,95}$/),
    // Unicode groups: accented and CJK letters, a combining mark, Arabic-Indic digits, a connector, and some that are invalid.
    fc.string({ unit: fc.constantFrom('é', '日', '本', 'a', '-', '.', '(', ')', '_', '\u0301', '٣', '‿', ' ', '/', '😀', '$'), minLength: 1, maxLength: 95 }),
    fc.stringMatching(/^[a-zA-Z0-9][-_a-zA-Z0-9]{0,64}$/),
    fc.stringMatching(/^[0-9a-fA-F]{38,42}$/),
    fc.constant('sha1'),
  );

  test.each(cases)('%s', (name, validate, rule) => {
    fc.assert(
      fc.property(interesting, (value) => {
        const expected = typeof value === 'string' && rule(value) ? 'accepted' : 'rejected';
        expect(outcome(() => validate(value), name)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validators (examples)', () => {
  test('wrong type is a TypeError, bad value a RangeError, both naming the parameter', () => {
    expect(() => validateSubscriptionId(42)).toThrow(new TypeError('subscriptionId must be a string; got number'));
    expect(() => validateSubscriptionId('abc')).toThrow(RangeError);
    expect(() => validateSubscriptionId('abc')).toThrow(/^subscriptionId must be a UUID/);
    expect(() => validateResourceGroupName('rg.', 'group')).toThrow(/^group must not end with '\.'/);
    expect(() => validateResourceGroupName('x'.repeat(91))).toThrow(/^resourceGroupName must be 1-90 characters long; got 91/);
    expect(() => validateThumbprintAlgorithm('sha256')).toThrow(/^thumbprintAlgorithm must be 'sha1'/);
  });

  test('valid examples pass', () => {
    expect(() => validateSubscriptionId('00000000-0000-0000-0000-000000000000')).not.toThrow();
    expect(() => validateResourceGroupName('My-RG_(prod).2')).not.toThrow();
    expect(() => validateResourceGroupName('résumé-rg')).not.toThrow();
    expect(() => validateResourceGroupName('日本')).not.toThrow();
    expect(() => validateResourceGroupName('日本.')).toThrow(/^resourceGroupName must not end with '\.'/);
    expect(() => validateResourceGroupName('rg 1')).toThrow(/^resourceGroupName must be Unicode letters, digits/);
    expect(() => validateResourceName('a')).not.toThrow();
    expect(() => validateResourceName('aks-prod_1')).not.toThrow();
    expect(() => validateThumbprint('0123456789abcdef0123456789ABCDEF01234567')).not.toThrow();
  });

  test('generic assertions', () => {
    expect(() => assertUuid('operationId', null)).toThrow(/^operationId must be a string; got null/);
    expect(() => assertPattern('location', 'West Europe', /^[a-z0-9]+$/, 'a lower-case region name')).toThrow(
      'location must be a lower-case region name; got "West Europe"',
    );
    expect(() => assertPattern('x', 'abc', /b/g, 'with b')).not.toThrow();
    expect(() => assertPattern('x', 'abc', /b/g, 'with b')).not.toThrow(); // a global regex's lastIndex is reset
    expect(() => assertLength('offerId', 'ab', { min: 3 })).toThrow('offerId must be at least 3 characters long; got 2');
    expect(() => assertLength('offerId', 'abcd', { max: 3 })).toThrow(/0-3/);
    expect(() => assertPathSegment('commandId', '..')).toThrow(/URLs drop such path segments/);
    expect(() => assertPathSegment('commandId', '\uD800')).toThrow(/lone surrogate/);
    expect(() => assertPathSegment('commandId', '...')).not.toThrow();
  });

  test('a long rejected value is shortened in the message', () => {
    const error = (() => {
      try {
        validateResourceName('!'.repeat(500));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message.length).toBeLessThan(250);
  });
});
