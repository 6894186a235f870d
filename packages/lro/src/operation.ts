import { checkClient } from './check-client.js';
import { resolvePollerOptions } from './check-options.js';
import { LroPoller } from './lro-poller.js';
import type { PollerOptions } from './options.js';
import type { Poller } from './poller.js';
import type { Observation, RequestContext, Strategy } from './strategy.js';

/** The client a descriptor's `service` names (`client.service`), and the factory that makes one. */
export const CLIENT_FACTORIES = {
  containerservice: 'createContainerServiceClient',
  cloudpartner: 'createCloudPartnerClient',
  batch: 'createBatchClient',
} as const;

/** What the initial request carries besides the caller's parameters. */
export interface InitialRequest {
  readonly abortSignal: AbortSignal | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
}

/**
 * One operation a poller can follow: everything azlro knows about it, in one place. Adding an
 * operation is a folder under `operations/` holding its descriptor and its public function, plus
 * one line in `operations/registry.ts` (which resume tokens and `restorePoller` read).
 */
export interface OperationDescriptor<TClient extends { readonly endpoint: string } = never, TArgs extends readonly unknown[] = never, TResult = unknown> {
  /** Names the operation in states, resume tokens and messages, e.g. `containerservice.abortLatestOperation`. */
  readonly kind: string;
  /** The client it needs (`client.service`). */
  readonly service: keyof typeof CLIENT_FACTORIES;
  /** How a poll is sent and read: the protocol part, shared by operations that poll alike. */
  readonly strategy: Strategy<TClient, TResult>;
  /**
   * Checks the caller's arguments and sends the initial request at once; throws a
   * TypeError/RangeError naming a bad parameter before anything is sent. Returns how to read the
   * answer once it comes.
   */
  readonly start: (client: TClient, args: TArgs, request: InitialRequest) => (context: RequestContext) => Promise<Observation<TResult>>;
  /** What of a result a resume token may carry (e.g. a command's result without its logs); all of it when absent. */
  readonly tokenResult?: (result: TResult | undefined) => TResult | undefined;
}

/** Any descriptor, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = OperationDescriptor<any, any, any>;

/**
 * Starts `operation`: checks the client and the options, sends the initial request (bad arguments
 * throw before anything is sent), and returns the poller following it.
 */
export function startOperation<TClient extends { readonly endpoint: string }, TArgs extends readonly unknown[], TResult>(
  operation: OperationDescriptor<TClient, TArgs, TResult>,
  client: TClient,
  args: TArgs,
  options: PollerOptions | undefined,
): Poller<TResult> {
  checkClient(client, operation.service, CLIENT_FACTORIES[operation.service]);
  const resolved = resolvePollerOptions(options, client.endpoint);
  const initial = operation.start(client, args, { abortSignal: resolved.abortSignal, headers: resolved.headers });
  return new LroPoller(client, operation, resolved, { initial });
}

