import type { ManualClock } from '@azlro/http/testing';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs pollers on a ManualClock against a real loopback server, one instant at a time: time moves
 * (to the earliest pending sleep) only once every unfinished poller is asleep on the clock, so no
 * request is in flight while time passes and the server can stamp each arrival with `clock.now()`.
 * Each poller has at most one sleep pending at a time (a poll wait, a shared pause, or a retry of
 * its client), so "all asleep" is `pendingCount >= unfinished`.
 */
export async function runOnClock(
  clock: ManualClock,
  work: readonly PromiseLike<unknown>[],
  /** Sleeps each unfinished poller holds when idle besides its own (a finite `timeoutInMs` adds 1). */
  extraPerPoller = 0,
): Promise<PromiseSettledResult<unknown>[]> {
  let unfinished = work.length;
  const settled = Promise.allSettled(work.map((w) => Promise.resolve(w).finally(() => void unfinished--)));
  for (;;) {
    for (let idle = 0; unfinished > 0 && clock.pendingCount < unfinished * (1 + extraPerPoller); ) {
      await turn();
      // A slow machine may take a while to answer; give up only after a long real time without progress.
      if (++idle > 2_000_000) throw new Error('runOnClock: pollers neither sleep nor finish');
    }
    if (unfinished === 0) break;
    // A finished poller may leave nothing behind; a deadline that still runs is cleared on settle.
    await clock.runNext();
  }
  return settled;
}
