import type { BackendContext } from './types.js';

/** How far one emulated operation has come. */
export interface Stage {
  readonly done: boolean;
  /** From 0 to 1; 1 once done. */
  readonly fraction: number;
  /** When it ended (ms since the epoch), once done. */
  readonly endedAt: number | undefined;
}

/** One operation's clock: ends after `durationInMs` of the backend's time, or on its n-th poll with `pollsUntilDone`. */
export interface Progress {
  /** When it began (ms since the epoch). */
  readonly startedAt: number;
  /** A client read the operation (a poll): counts the read, then says how far it is. */
  poll(): Stage;
  /** How far it is, without counting a read (a repeated start, a reset check). */
  peek(): Stage;
}

/**
 * Starts an operation's progress now. On time (the default), it is done once `durationInMs` has
 * passed on the backend's clock, whoever asks. With `context.pollsUntilDone` = n, time does not
 * matter: the n-th poll, and every one after it, finds it done, so a test (or a CLI run on a busy
 * machine) sees the same sequence of answers every time.
 */
export function startProgress(context: BackendContext, durationInMs: number): Progress {
  const startedAt = context.now();
  const polls = context.pollsUntilDone;
  if (polls === undefined) {
    const endsAt = startedAt + durationInMs;
    const stage = (): Stage => {
      const now = context.now();
      if (now >= endsAt) return { done: true, fraction: 1, endedAt: endsAt };
      return { done: false, fraction: (now - startedAt) / Math.max(durationInMs, 1), endedAt: undefined };
    };
    return { startedAt, poll: stage, peek: stage };
  }
  let count = 0;
  let endedAt: number | undefined;
  const stage = (): Stage => (endedAt === undefined ? { done: false, fraction: count / polls, endedAt } : { done: true, fraction: 1, endedAt });
  return {
    startedAt,
    peek: stage,
    poll() {
      count += 1;
      if (count >= polls && endedAt === undefined) endedAt = context.now();
      return stage();
    },
  };
}
