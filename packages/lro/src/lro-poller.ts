import { getRequestIds, isApiError, redactText, THROTTLING_TO_CALLER_HEADER, untilAborted } from '@azlro/http/internal';
import { linkSignals, startDeadline, type LinkedSignal } from './abortable.js';
import { checkPollOptions, type ResolvedPollerOptions } from './check-options.js';
import { HandedOutUrlError, isUrlFault } from './errors/handed-out-url-error.js';
import { OperationFailedError } from './errors/operation-failed-error.js';
import { PollerTimeoutError } from './errors/poller-timeout-error.js';
import { PollingProtocolError } from './errors/polling-protocol-error.js';
import { joinable } from './joinable.js';
import { Listeners } from './listeners.js';
import type { PollOptions } from './options.js';
import type { Poller } from './poller.js';
import { followablePollingUrl } from './polling-url.js';
import { record, type Recorded } from './record.js';
import { encodeResumeToken, type PollingTarget, type ResumeToken } from './resume-token.js';
import { PollSchedule } from './schedule.js';
import type { OperationState, OperationThrottling } from './state.js';
import type { OperationKind } from './kinds.js';
import { isTerminal } from './status.js';
import type { OperationDescriptor } from './operation.js';
import type { Observation, RequestContext } from './strategy.js';
import { throttleScopeFor, type ThrottleScope } from './throttle-scope.js';
import { readThrottling, type PollThrottled } from './throttling.js';

/** Pollers released from a shared pause resume spread over this share of it... */
const RESUME_SPREAD_SHARE = 0.1;
/** ...but never more than this, in ms: a long pause should not add a long tail. */
const MAX_RESUME_SPREAD_IN_MS = 10_000;
/** A throttled poll never goes again sooner than this, in ms, whatever `Retry-After: 0` says: no 429 storm. */
const MIN_THROTTLED_WAIT_IN_MS = 1000;

/** How a poller begins: with the initial request (already validated and sent), or from a resume token. */
export type PollerStart<TResult> =
  | { initial: (context: RequestContext) => Promise<Observation<TResult>> }
  | { restored: ResumeToken };

/** The protocol-agnostic core: waiting, deadlines, aborts, progress and resume tokens. */
export class LroPoller<TClient extends { readonly endpoint: string }, TResult> implements Poller<TResult> {
  readonly #client: TClient;
  readonly #operation: OperationDescriptor<TClient, never, TResult>;
  readonly #options: ResolvedPollerOptions;
  readonly #schedule: PollSchedule;
  readonly #listeners: Listeners<OperationState<TResult>>;
  readonly #submission: Promise<void>;
  readonly #pollShared: (abortSignal?: AbortSignal) => Promise<void>;
  #current: Recorded<TResult>;
  #submitted = false;
  /** The last scope looked up, by polling URL: a poll asks for it several times. */
  #scopeCache: { url: string; scope: ThrottleScope } | undefined;
  /** What an onProgress callback threw, until the next `poll()`/`pollUntilDone()` rejects with it. */
  #callbackFailure: { error: unknown } | undefined;
  /** Unusable answers in a row (see `maxProtocolFaultRetries`). */
  #faults = 0;
  /** Unknown status words already logged: one warning per word, not per poll. */
  readonly #unknownWords = new Set<string>();

  constructor(client: TClient, operation: OperationDescriptor<TClient, never, TResult>, options: ResolvedPollerOptions, start: PollerStart<TResult>) {
    this.#client = client;
    this.#operation = operation;
    this.#options = options;
    this.#schedule = new PollSchedule(options, options.clock, options.log);
    this.#listeners = new Listeners(options.log, operation.kind);
    this.#pollShared = joinable((abortSignal) => this.#pollOnce(abortSignal));
    if ('restored' in start) {
      const { kind, polling, state, notBefore } = start.restored;
      this.#current = { state: { kind, ...state } as OperationState<TResult>, polling };
      this.#schedule.restore(notBefore);
      this.#submitted = true;
      this.#submission = Promise.resolve();
    } else {
      this.#current = { state: { kind: operation.kind as OperationKind, status: 'notStarted', requestIds: {}, pollCount: 0 }, polling: undefined };
      this.#submission = start.initial(this.#context(options.abortSignal)).then((observation) => this.#apply(observation));
      this.#submission.catch(() => {}); // surfaced by submitted(), poll(), pollUntilDone() and serialize()
    }
  }

  get kind() {
    return this.#operation.kind as OperationKind;
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

  // The rest of `Promise`, so a poller is a core-lro 3 `PollerLike` (which extends Promise<TResult>).
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<TResult | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<TResult> {
    return this.pollUntilDone().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'Poller';
  }

  get result(): TResult | undefined {
    return this.#current.state.result;
  }

  async poll(options?: PollOptions): Promise<OperationState<TResult>> {
    const linked = this.#combine(checkPollOptions(options));
    const { signal } = linked;
    try {
      // Done is done: a signal aborted since (the poller's or this call's) no longer matters (as in core-lro 3).
      if (!this.isDone) await untilAborted(this.#submission, signal);
      this.#throwCallbackFailure();
      if (!this.isDone) {
        await this.#sleepUntil(() => this.#schedule.untilAllowedInMs, signal);
        await this.#pollShared(signal);
        this.#throwCallbackFailure();
      }
    } finally {
      linked.dispose();
    }
    return this.operationState;
  }

  async pollUntilDone(options?: PollOptions): Promise<TResult> {
    const callSignal = checkPollOptions(options);
    const deadline = startDeadline(this.#options.timeoutInMs, this.#options.clock);
    const linked = this.#combine(callSignal, deadline.signal);
    const { signal } = linked;
    try {
      if (!this.isDone) await untilAborted(this.#submission, signal);
      this.#throwCallbackFailure();
      while (!this.isDone) {
        await this.#sleepUntil(() => this.#schedule.untilNextInMs, signal);
        await this.#pollShared(signal);
        this.#throwCallbackFailure();
      }
    } catch (error) {
      const aborted = [this.#options.abortSignal, callSignal].find((s) => s?.aborted);
      if (aborted) throw aborted.reason;
      if (deadline.signal.aborted) {
        throw new PollerTimeoutError(this.#options.timeoutInMs, this.operationState, this.#submitted ? this.#token() : undefined);
      }
      throw error;
    } finally {
      linked.dispose();
      deadline.clear();
    }
    if (this.#current.state.status === 'succeeded') return this.#current.state.result as TResult;
    throw new OperationFailedError(this.operationState);
  }

  /**
   * Sleeps `wait()` ms, then again for as long as `wait()` says: another wait's poll may have
   * answered meanwhile with a `Retry-After` (or a 429) that moved the next poll on.
   */
  async #sleepUntil(wait: () => number, signal: AbortSignal): Promise<void> {
    const { clock } = this.#options;
    await clock.sleep(wait(), signal);
    for (let left = wait(); left > 0; left = wait()) await clock.sleep(left, signal);
  }

  /** The poller's signal with a wait's own; dispose it when the wait ends (see {@link linkSignals}). */
  #combine(...signals: (AbortSignal | undefined)[]): LinkedSignal {
    return linkSignals([this.#options.abortSignal, ...signals].filter((s): s is AbortSignal => s !== undefined));
  }

  /** `poll`: a polling request, whose 429/503 with a delay the retry policy hands back to the poller. */
  #context(abortSignal: AbortSignal | undefined, poll = false): RequestContext {
    const { headers, pollingOrigins } = this.#options;
    return {
      abortSignal,
      headers: poll ? { ...headers, [THROTTLING_TO_CALLER_HEADER]: '1' } : headers,
      follow: (value, source) => followablePollingUrl(value, this.#client.endpoint, pollingOrigins, source),
      warn: (message) => this.#options.log.warning(`${this.#operation.kind}: ${message}`),
    };
  }

  /** The throttling scope of `target` (client and subscription), unless sharing is off. */
  #scope(target: PollingTarget): ThrottleScope | undefined {
    if (!this.#options.shareThrottling) return undefined;
    if (this.#scopeCache?.url !== target.url) this.#scopeCache = { url: target.url, scope: throttleScopeFor(this.#client, target.url) };
    return this.#scopeCache.scope;
  }

  async #pollOnce(abortSignal: AbortSignal): Promise<void> {
    const target = this.#current.polling;
    if (this.isDone || !target) return;
    let observation: Observation<TResult>;
    try {
      observation = await this.#pollUnlessPaused(target, abortSignal);
    } catch (error) {
      const throttled = readThrottling(error, this.#options.clock);
      if (throttled) return this.#throttled(throttled, error, target);
      if (!isApiError(error) || !isUrlFault(error.status)) throw error;
      const source = this.#operation.strategy.handedOutBy(target);
      const { resourceUrl } = target;
      if (!source) throw error;
      // The service's own URL failed; where the caller's parameters name the resource, poll that instead, once.
      if (resourceUrl === undefined || resourceUrl === target.url) throw new HandedOutUrlError(error, source);
      this.#options.log.warning(
        `${this.#operation.kind}: GET ${target.url} (from ${source}) answered ${error.status}${error.code ? ` ${error.code}` : ''}; polling ${resourceUrl} instead`,
      );
      // The failed URL leaves the state now, so no resume token can carry it; the documented URL is
      // the caller's own, so a 4xx there is not handed out and ends this (no loop).
      this.#current = { ...this.#current, polling: { url: resourceUrl, resourceUrl, resourceUrlOnly: true } };
      return this.#pollOnce(abortSignal);
    }
    this.#apply(observation, target.url);
  }

  /**
   * Polls `target` once the scope is not paused; a poll called off because another poller's 429
   * paused the scope meanwhile waits the pause out and goes again.
   */
  async #pollUnlessPaused(target: PollingTarget, abortSignal: AbortSignal): Promise<Observation<TResult>> {
    const scope = this.#scope(target);
    for (;;) {
      await this.#waitOutSharedPause(target, abortSignal);
      const linked = scope?.enlist(abortSignal);
      try {
        return await this.#operation.strategy.poll(this.#client, target, this.#context(linked?.signal ?? abortSignal, true));
      } catch (error) {
        if (!linked?.calledOff || abortSignal.aborted) throw error;
      } finally {
        linked?.dispose();
      }
    }
  }

  /** Waits while another poller's 429 pauses this scope; tells listeners once. */
  async #waitOutSharedPause(target: PollingTarget, abortSignal: AbortSignal): Promise<void> {
    const scope = this.#scope(target);
    const { clock } = this.#options;
    // The cause is read once per turn: a second look at the clock (remainingInMs, then cause) could
    // find the pause just over and no cause (a TypeError under load).
    for (let told = false, cause = scope?.cause; scope && cause; told = true, cause = scope.cause) {
      const spread = Math.random() * Math.min(cause.retryAfterInMs * RESUME_SPREAD_SHARE, MAX_RESUME_SPREAD_IN_MS);
      const wait = scope.remainingInMs + spread;
      this.#schedule.holdFor(wait);
      if (!told) this.#setThrottling({ ...cause, notBefore: Math.ceil(clock.epochNow() + wait), shared: true });
      await clock.sleep(wait, abortSignal);
    }
  }

  /** A throttled poll: still running; the next poll (and this scope's, for a 429) waits for the delay. */
  #throttled(throttled: PollThrottled, error: unknown, target: PollingTarget): void {
    const { clock, log } = this.#options;
    this.#schedule.afterServerDelay(Math.max(throttled.retryAfterInMs, MIN_THROTTLED_WAIT_IN_MS));
    const waitInMs = this.#schedule.untilNextInMs;
    if (throttled.status === 429) this.#scope(target)?.pause(clock, waitInMs, throttled);
    const response = (error as { response?: Response }).response;
    const state = this.#current.state;
    this.#current = {
      ...this.#current,
      state: { ...state, requestIds: response ? getRequestIds(response) : state.requestIds, pollCount: state.pollCount + 1 },
    };
    log.verbose(`${this.#operation.kind}: poll ${state.pollCount + 1}: ${throttled.status} throttled${throttled.code ? ` (${throttled.code})` : ''}, next poll in ${Math.round(waitInMs)} ms`);
    this.#setThrottling({ ...throttled, notBefore: Math.ceil(clock.epochNow() + waitInMs), shared: false });
  }

  #setThrottling(throttling: OperationThrottling): void {
    const { code, ...rest } = throttling;
    this.#current = { ...this.#current, state: { ...this.#current.state, throttling: code === undefined ? rest : throttling } };
    this.#callbackFailure ??= this.#listeners.emit(() => this.operationState);
  }

  /**
   * Records a response: `polledUrl` for a poll, none for the initial response; then logs and
   * notifies. Throws a {@link PollingProtocolError} once too many answers in a row had no usable status.
   */
  #apply(observation: Observation<TResult>, polledUrl?: string): void {
    const { kind } = this.#operation;
    const { log } = this.#options;
    this.#current = record(kind, this.#current, observation, polledUrl !== undefined);
    this.#submitted = true;
    this.#schedule.afterResponse(observation.response.headers);
    const { status, serviceStatus, pollCount } = this.#current.state;
    const source = polledUrl ? `GET ${redactText(polledUrl)}` : 'the initial response';
    if (observation.recognized === false && serviceStatus !== undefined && !this.#unknownWords.has(serviceStatus)) {
      this.#unknownWords.add(serviceStatus);
      log.warning(`${kind}: unknown status ${JSON.stringify(serviceStatus)} from ${source}; taken as still running (logged once per word)`);
    }
    this.#faults = observation.fault === undefined ? 0 : this.#faults + 1;
    if (observation.fault !== undefined) {
      const { response } = observation;
      if (this.#faults > this.#options.maxProtocolFaultRetries) {
        throw new PollingProtocolError({
          method: 'GET', url: redactText(polledUrl ?? response.url), status: response.status, reason: observation.fault,
          faults: this.#faults, requestIds: getRequestIds(response), resumeToken: this.#token(),
        });
      }
      log.warning(`${kind}: ${source} answered ${response.status} with no usable status (${observation.fault}); polling again (${this.#faults} of ${this.#options.maxProtocolFaultRetries + 1} allowed in a row)`);
    }
    const next = this.isDone ? '' : `, next poll in ${Math.round(this.#schedule.untilNextInMs)} ms`;
    log.verbose(`${kind}: ${polledUrl ? `poll ${pollCount}` : 'initial response'}: ${observation.response.status} ${status}${next}`);
    this.#callbackFailure ??= this.#listeners.emit(() => this.operationState);
  }

  /** Rejects the wait that delivered a state an onProgress callback threw on, once; the state is kept. */
  #throwCallbackFailure(): void {
    const failure = this.#callbackFailure;
    this.#callbackFailure = undefined;
    if (failure) throw failure.error;
  }

  #token(): string {
    // Throttling lives on as notBefore; the state's copy of it would only go stale.
    const { kind, throttling: _, ...current } = this.#current.state;
    const { tokenResult } = this.#operation;
    const state = tokenResult && current.result !== undefined ? { ...current, result: tokenResult(current.result) } : current;
    const polling = this.#current.polling;
    const { clock } = this.#options;
    const sharedPause = polling ? (this.#scope(polling)?.remainingInMs ?? 0) : 0;
    const ownNotBefore = this.#schedule.notBeforeEpoch();
    const notBefore = sharedPause > 0 ? Math.max(ownNotBefore ?? 0, Math.ceil(clock.epochNow() + sharedPause)) : ownNotBefore;
    return encodeResumeToken({ kind, endpoint: this.#client.endpoint, polling, notBefore, state });
  }
}
