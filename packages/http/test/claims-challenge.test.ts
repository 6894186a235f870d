import { describe, expect, test } from 'vitest';
import { parseClaimsChallenge } from '../src/claims-challenge.js';
import { base64Json } from './helpers.js';

const claims = { access_token: { nbf: { essential: true, value: '1726077595' } } };

describe('parseClaimsChallenge', () => {
  test('decodes the claims of an ARM CAE challenge', () => {
    const header = `Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${base64Json(claims)}"`;
    expect(parseClaimsChallenge(header)).toBe(JSON.stringify(claims));
  });

  test('accepts URL-safe base64 without padding', () => {
    const encoded = Buffer.from(JSON.stringify({ a: '??>>' })).toString('base64url');
    expect(parseClaimsChallenge(`Bearer claims="${encoded}"`)).toBe('{"a":"??>>"}');
  });

  test('reads the Bearer challenge only, when several are offered', () => {
    const pop = base64Json({ pop: true });
    expect(parseClaimsChallenge(`PoP realm="x", claims="${pop}", Bearer realm="y"`)).toBeUndefined();
    expect(parseClaimsChallenge(`Bearer realm="y", PoP claims="${pop}"`)).toBeUndefined();
    expect(parseClaimsChallenge(`PoP realm="x", Bearer claims="${base64Json(claims)}"`)).toBe(JSON.stringify(claims));
  });

  test.each([null, '', 'Basic realm="x"', 'Bearer realm="x"', 'Bearer claims="!!!not base64"', `Bearer claims="${Buffer.from('not json').toString('base64')}"`])(
    'gives undefined for %j',
    (header) => expect(parseClaimsChallenge(header)).toBeUndefined(),
  );
});
