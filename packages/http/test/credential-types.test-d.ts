// azlro declares the TokenCredential shape itself (no runtime dependency on @azure/core-auth):
// checked here, both ways, against core-auth's own types and a real @azure/identity credential.
import type { AccessToken as CoreAccessToken, TokenCredential as CoreTokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { assertType, test } from 'vitest';
import { StaticTokenCredential, type AccessToken, type TokenCredential } from '../src/index.js';

test("core-auth's credentials are azlro's, and azlro's are core-auth's", () => {
  assertType<TokenCredential>(new DefaultAzureCredential());
  assertType<TokenCredential>({} as CoreTokenCredential);
  assertType<CoreTokenCredential>({} as TokenCredential);
  assertType<CoreTokenCredential>(new StaticTokenCredential('t'));
  assertType<AccessToken>({} as CoreAccessToken);
  assertType<CoreAccessToken>({} as AccessToken);
  // @ts-expect-error a credential must have getToken
  assertType<TokenCredential>({ token: 't' });
});
