/**
 * `@azlro/http/internal`: NOT PUBLIC. What azlro's own packages share and applications must not
 * depend on; it changes without notice, in any release. Today: the client runtime the generated
 * `sdk.gen.ts`/`client.gen.ts` of `@azlro/containerservice`, `@azlro/batch` and
 * `@azlro/cloudpartner` import (the `@azlro/http/internal` client plugin in tools/codegen).
 */
export {
  buildUrl,
  createClient,
  createConfig,
  responseText,
  withData,
  type Client,
  type ClientOptions,
  type Config,
  type CreateClientConfig,
  type HeaderValues,
  type Options,
  type ParseAs,
  type RequestOptions,
  type RequestResult,
  type TDataShape,
} from './client-runtime/index.js';
