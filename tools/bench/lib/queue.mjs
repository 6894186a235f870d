/**
 * A first-in, first-out queue on a ring buffer: `push` and `shift` are O(1) at any length (no
 * element is moved, unlike `Array#shift`, which copies the array once it holds more than a few
 * thousand entries: 100,000 starts queued that way cost O(n²)). The buffer doubles when full and
 * never shrinks; a shifted slot is cleared, so the queue holds no reference to what it handed out.
 */
export class RingQueue {
  #items = new Array(16);
  #head = 0;
  #size = 0;

  /** How many entries are queued. */
  get size() {
    return this.#size;
  }

  /** Adds `item` at the end. */
  push(item) {
    if (this.#size === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#size) & (this.#items.length - 1)] = item;
    this.#size++;
  }

  /** Removes and returns the first entry; `undefined` when empty. */
  shift() {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) & (this.#items.length - 1);
    this.#size--;
    return item;
  }

  /** Twice the room (the length stays a power of two, so wrapping is a mask), entries in order from 0. */
  #grow() {
    const items = new Array(this.#items.length * 2);
    for (let i = 0; i < this.#size; i++) items[i] = this.#items[(this.#head + i) & (this.#items.length - 1)];
    this.#items = items;
    this.#head = 0;
  }
}

/**
 * Runs at most `limit` of the given tasks at once (a positive integer, or `Infinity` for all at
 * once); the rest wait in a {@link RingQueue} and start in the order they were submitted as running
 * ones settle. `run(task)` resolves or rejects as `task()` does. Throws a RangeError naming `limit`.
 */
export function createLimiter(limit) {
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) throw new RangeError(`limit must be a positive integer or Infinity; got ${limit}`);
  const waiting = new RingQueue();
  let running = 0;
  const next = () => {
    running--;
    const start = waiting.shift();
    if (start) start();
  };
  return {
    /** Tasks started and not yet settled. */
    get running() {
      return running;
    },
    /** Tasks waiting for a slot. */
    get waiting() {
      return waiting.size;
    },
    run(task) {
      return new Promise((resolve, reject) => {
        const start = () => {
          running++;
          let settled;
          try {
            settled = Promise.resolve(task());
          } catch (error) {
            settled = Promise.reject(error);
          }
          settled.then(resolve, reject).finally(next);
        };
        if (running < limit) start();
        else waiting.push(start);
      });
    },
  };
}
