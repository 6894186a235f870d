import type { OperationState } from '@azlro/lro';
import type { OperationName } from './report.js';
import type { StatusLine } from './status-line.js';
import { formatDuration, plural, type Style } from './style.js';
import type { Traffic } from './traffic.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** How often the live line is redrawn (spinner, elapsed time, countdown). */
const FRAME_IN_MS = 100;

/** What the progress display needs from a poller's state. */
export type ProgressState = Pick<OperationState<unknown>, 'status' | 'serviceStatus' | 'percentComplete' | 'throttling'>;

export interface ProgressOptions {
  line: StatusLine;
  style: Style;
  operation: OperationName;
  traffic: Traffic;
  /** The poller's interval when the service sends no Retry-After, for the countdown. */
  intervalInMs: number;
  /** `performance.now()` when the command started. */
  startedAt: number;
}

/** `running · InProgress 40%`. */
export function describeState(state: ProgressState): string {
  const service = state.serviceStatus && state.serviceStatus.toLowerCase() !== state.status.toLowerCase() ? ` · ${state.serviceStatus}` : '';
  const percent = state.percentComplete === undefined ? '' : ` ${Math.round(state.percentComplete)}%`;
  return `${state.status}${service}${percent}`;
}

/**
 * `throttled by the service (429 SubscriptionRequestsThrottled), next poll in 6 min 12 s`: the
 * poller's own plan (the delay within its ceiling), from the state's epoch `notBefore`.
 */
export function describeThrottling(throttling: NonNullable<ProgressState['throttling']>, epochNow: number): string {
  const why = [throttling.status, throttling.code].filter(Boolean).join(' ');
  const shared = throttling.shared ? '; shared with the other polls of this subscription' : '';
  const inMs = Math.max(0, throttling.notBefore - epochNow);
  return `throttled by the service (${why}${shared}), next poll in ${formatDuration(inMs)}`;
}

/**
 * Shows where a wait stands, on stderr. On a terminal: one live line (spinner, status, percent
 * where known, elapsed, requests, next poll in N s). Elsewhere: one line per status change.
 */
export class Progress {
  readonly #options: ProgressOptions;
  readonly #timer: ReturnType<typeof setInterval> | undefined;
  #state: ProgressState | undefined;
  #printed = '';
  #frame = 0;
  #stopped = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    if (options.line.live) {
      this.#timer = setInterval(() => this.#draw(), FRAME_IN_MS);
      this.#timer.unref?.();
      this.#draw();
    }
  }

  /** A new state from the poller (after every response). */
  update(state: ProgressState): void {
    if (this.#stopped) return;
    this.#state = state;
    if (this.#options.line.live) {
      this.#draw();
      return;
    }
    const { operation, startedAt, style } = this.#options;
    const key = `${state.status}|${state.serviceStatus ?? ''}|${state.throttling?.notBefore ?? ''}`;
    if (key === this.#printed) return;
    this.#printed = key;
    const elapsed = formatDuration(performance.now() - startedAt);
    const throttled = state.throttling ? ` · ${describeThrottling(state.throttling, Date.now())}` : '';
    this.#options.line.print(`${style.dim(`[${elapsed}]`)} ${operation}: ${describeState(state)}${throttled}`);
  }

  /** Stops redrawing and removes the live line. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#options.line.clear();
  }

  #draw(): void {
    if (this.#stopped) return;
    const { line, style, operation, traffic, intervalInMs, startedAt } = this.#options;
    const now = performance.now();
    const spinner = style.cyan(SPINNER[this.#frame++ % SPINNER.length]!);
    const parts = [`${spinner} ${style.bold(operation)}`];
    parts.push(this.#state ? describeState(this.#state) : 'sending…');
    parts.push(style.dim(formatDuration(now - startedAt)));
    if (traffic.count > 0) parts.push(style.dim(plural(traffic.count, 'request')));
    const throttling = this.#state?.status === 'running' ? this.#state.throttling : undefined;
    const nextAt = this.#state?.status === 'running' && !throttling ? traffic.nextPollAt(intervalInMs) : undefined;
    if (throttling) parts.push(style.yellow(describeThrottling(throttling, Date.now())));
    if (nextAt !== undefined) {
      const inMs = nextAt - now;
      const seconds = inMs < 10_000 ? (inMs / 1000).toFixed(1) : String(Math.ceil(inMs / 1000));
      parts.push(style.dim(inMs > 0 ? `next poll in ${seconds} s` : 'polling…'));
    }
    line.show(parts.join('  '));
  }
}
