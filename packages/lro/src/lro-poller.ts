import { startDeadline, untilAborted } from './abortable.js';
import { checkPollOptions, type ResolvedPollerOptions } from './check-options.js';
import { OperationFailedError } from './errors/operation-failed-error.js';
import { PollerTimeoutError } from './errors/poller-timeout-error.js';
import { joinable } from './joinable.js';
import { Listeners } from './listeners.js';
import type { PollOptions } from './options.js';
import type { Poller } from './poller.js';
import { followablePollingUrl } from './polling-url.js';
import { record, type Recorded } from './record.js';
import { encodeResumeToken, type ResumeToken } from './resume-token.js';
import { PollSchedule } from './schedule.js';
import type { OperationState } from './state.js';
import { isTerminal } from './status.js';
import type { Observation, RequestContext, Strategy } from './strategy.js';

/** How a poller begins: with the initial request (already validated and sent), or from a resume token. */
export type PollerStart<TResult> =
  | { initial: (context: RequestContext) => Promise<Observation<TResult>> }
  | { restored: ResumeToken };

/** The protocol-agnostic core: waiting, deadlines, aborts, progress and resume tokens. */
export class LroPoller<TClient extends { readonly endpoint: string }, TResult> implements Poller<TResult> {
  readonly #client: TClient;
  readonly #strategy: Strategy<TClient, TResult>;
  readonly #options: ResolvedPollerOptions;
  readonly #schedule: PollSchedule;
  readonly #listeners: Listeners<OperationState<TResult>>;
  readonly #submission: Promise<void>;
  readonly #pollShared: (abortSignal?: AbortSignal) => Promise<void>;
  #current: Recorded<TResult>;
  #submitted = false;

  constructor(client: TClient, strategy: Strategy<TClient, TResult>, options: ResolvedPollerOptions, start: PollerStart<TResult>) {
    this.#client = client;
    this.#strategy = strategy;
    this.#options = options;
    this.#schedule = new PollSchedule(options, options.clock);
    this.#listeners = new Listeners(options.log, strategy.kind);
    this.#pollShared = joinable((abortSignal) => this.#pollOnce(abortSignal));
    if ('restored' in start) {
      const { kind, polling, state, notBefore } = start.restored;
      this.#current = { state: { kind, ...state } as OperationState<TResult>, polling };
      this.#schedule.restore(notBefore);
      this.#submitted = true;
      this.#submission = Promise.resolve();
    } else {
      this.#current = { state: { kind: strategy.kind, status: 'notStarted', requestIds: {}, pollCount: 0 }, polling: undefined };
      this.#submission = start.initial(this.#context(options.abortSignal)).then((observation) => this.#apply(observation));
      this.#submission.catch(() => {}); // surfaced by submitted(), poll(), pollUntilDone() and serialize()
    }
  }

  get kind() {
    return this.#strategy.kind;
  }

  get isDone(): boolean {
    return isTerminal(this.#current.state.status);
  }

  get operationState(): OperationState<TResult> {
    return Object.freeze({ ...this.#current.state, requestIds: { ...this.#current.state.requestIds } });
  }

  async submitted(options?: PollOptions): Promise<void> {
    const signal = checkPollOptions(options);
    return signal ? untilAborted(this.#submission, signal) : this.#submission;
  }

  async serialize(options?: PollOptions): Promise<string> {
    await this.submitted(options);
    return this.#token();
  }

  onProgress(callback: (state: OperationState<TResult>) => void): () => void {
    return this.#listeners.add(callback);
  }

  then<A = TResult, B = never>(
    onFulfilled?: ((value: TResult) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.pollUntilDone().then(onFulfilled, onRejected);
  }

  async poll(options?: PollOptions): Promise<OperationState<TResult>> {
    const signal = this.#combine(checkPollOptions(options));
    await untilAborted(this.#submission, signal);
    if (!this.isDone) {
      await this.#options.clock.sleep(this.#schedule.untilAllowedInMs, signal);
      await this.#pollShared(signal);
    }
    return this.operationState;
  }

  async pollUntilDone(options?: PollOptions): Promise<TResult> {
    const callSignal = checkPollOptions(options);
    const deadline = startDeadline(this.#options.timeoutInMs, this.#options.clock);
    const signal = this.#combine(callSignal, deadline.signal);
    try {
      await untilAborted(this.#submission, signal);
      while (!this.isDone) {
        await this.#options.clock.sleep(this.#schedule.untilNextInMs, signal);
        await this.#pollShared(signal);
      }
    } catch (error) {
      const aborted = [this.#options.abortSignal, callSignal].find((s) => s?.aborted);
      if (aborted) throw aborted.reason;
      if (deadline.signal.aborted) {
        throw new PollerTimeoutError(this.#options.timeoutInMs, this.operationState, this.#submitted ? this.#token() : undefined);
      }
      throw error;
    } finally {
      deadline.clear();
    }
    if (this.#current.state.status === 'succeeded') return this.#current.state.result as TResult;
    throw new OperationFailedError(this.operationState);
  }

  #combine(...signals: (AbortSignal | undefined)[]): AbortSignal {
    const all = [this.#options.abortSignal, ...signals].filter((s): s is AbortSignal => s !== undefined);
    return all.length === 1 ? all[0]! : AbortSignal.any(all);
  }

  #context(abortSignal: AbortSignal | undefined): RequestContext {
    const { headers, pollingOrigins } = this.#options;
    return {
      abortSignal,
      headers,
      follow: (value, source) => followablePollingUrl(value, this.#client.endpoint, pollingOrigins, source),
    };
  }

  async #pollOnce(abortSignal: AbortSignal): Promise<void> {
    const target = this.#current.polling;
    if (this.isDone || !target) return;
    this.#apply(await this.#strategy.poll(this.#client, target, this.#context(abortSignal)), target.url);
  }

  /** Records a response: `polledUrl` for a poll, none for the initial response; then logs and notifies. */
  #apply(observation: Observation<TResult>, polledUrl?: string): void {
    const { kind } = this.#strategy;
    const { log } = this.#options;
    this.#current = record(kind, this.#current, observation, polledUrl !== undefined);
    this.#submitted = true;
    this.#schedule.afterResponse(observation.response.headers);
    const { status, serviceStatus, pollCount } = this.#current.state;
    if (observation.recognized === false) {
      log.warning(`${kind}: unknown status ${JSON.stringify(serviceStatus)} from ${polledUrl ? `GET ${polledUrl}` : 'the initial response'}; still polling`);
    }
    const next = this.isDone ? '' : `, next poll in ${Math.round(this.#schedule.untilNextInMs)} ms`;
    log.verbose(`${kind}: ${polledUrl ? `poll ${pollCount}` : 'initial response'}: ${observation.response.status} ${status}${next}`);
    this.#listeners.emit(() => this.operationState);
  }

  #token(): string {
    const { kind, ...state } = this.#current.state;
    return encodeResumeToken({ kind, endpoint: this.#client.endpoint, polling: this.#current.polling, notBefore: this.#schedule.notBeforeEpoch(), state });
  }
}
