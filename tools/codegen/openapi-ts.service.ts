import { defineConfig } from '@hey-api/openapi-ts';
import { azlroClient } from './azlro-client-plugin.ts';

/**
 * The one hey-api configuration every client package generates with, from `specs/<service>.yaml`
 * into its own `src/generated`. Generated code is never edited by hand: change the spec or this
 * file, then `npm run codegen`.
 */
export function serviceConfig(service: 'containerservice' | 'batch' | 'cloudpartner') {
  return defineConfig({
    input: `../../specs/${service}.yaml`,
    // Explicit '.js' import extensions: Node's ESM resolution (and our nodenext tsconfig) need them.
    output: { path: 'src/generated', module: { extension: '.js' } },
    // No `...Writable` twins of readOnly schemas: these clients never send the models they read.
    parser: { transforms: { readWrite: false } },
    plugins: [
      '@hey-api/typescript',
      // azlro's own client runtime (@azlro/http/internal) instead of hey-api's fetch client: one
      // pipeline call per operation, no Request, no SSE, no copied runtime in src/generated.
      azlroClient(),
      // `client: false`: each SDK function takes the client it is given (the create…Client factory's)
      // and sdk.gen.ts does not import the module-level singleton in client.gen.ts, whose creation at
      // import time (`new Headers()`) made Node load its fetch implementation before it was needed.
      { name: '@hey-api/sdk', client: false },
    ],
  });
}
