import {
  type Client,
  clientDefaultConfig,
  clientDefaultMeta,
  clientPluginHandler,
  type DefinePlugin,
  definePluginConfig,
} from '@hey-api/openapi-ts';

/**
 * A hey-api client plugin (hey-api's custom-client recipe, `bundle: false`): no fetch runtime is
 * copied into `src/generated`; the generated `sdk.gen.ts`/`client.gen.ts` import `createClient`,
 * `Client`, `Options`, ... from the module named by the plugin's name, azlro's own client runtime
 * (`packages/http/src/client-runtime`, the not-public `@azlro/http/internal` subpath), which sends
 * straight through the `@azlro/http` pipeline.
 */
export type Config = Client.Config & {
  /** The module the generated code imports the runtime from. */
  name: '@azlro/http/internal';
};

export type AzlroClientPlugin = DefinePlugin<Config, Config>;

const defaultConfig: AzlroClientPlugin['Config'] = {
  ...clientDefaultMeta,
  config: {
    ...clientDefaultConfig,
    bundle: false,
    // Its own file is `client.gen.ts`, as hey-api's clients have (by default the file is named
    // after the plugin: `@azlro/http/internal.gen.ts`).
    '~hooks': { symbols: { getFilePath: (symbol: { meta?: { pluginName?: unknown } }) => (symbol.meta?.pluginName === '@azlro/http/internal' ? 'client' : undefined) } },
  } as AzlroClientPlugin['Config']['config'],
  handler: clientPluginHandler as unknown as AzlroClientPlugin['Handler'],
  name: '@azlro/http/internal',
};

/** The plugin entry for `plugins: [azlroClient()]`. */
export const azlroClient = definePluginConfig(defaultConfig);
