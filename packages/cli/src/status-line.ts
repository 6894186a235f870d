import type { Writer } from './io.js';
import { stripAnsi } from './style.js';

/**
 * stderr for everything that is not the result. On a terminal it keeps one live line at the
 * bottom (progress) that other lines (logs, notes) are printed above; elsewhere there is no live
 * line and `show` does nothing.
 */
export class StatusLine {
  readonly #write: Writer;
  readonly #live: boolean;
  readonly #columns: number;
  readonly #quiet: boolean;
  #shown = '';

  /** `quiet` (--only-show-errors): no live line, and only lines printed as errors. */
  constructor(write: Writer, live: boolean, columns = 80, quiet = false) {
    this.#write = write;
    this.#live = live && !quiet;
    this.#quiet = quiet;
    // 0 or undefined: the width is unknown (e.g. a pseudo-terminal without a size).
    this.#columns = columns > 0 ? Math.max(20, columns) : 80;
  }

  /** True when progress is drawn as a live line (stderr is a terminal). */
  get live(): boolean {
    return this.#live;
  }

  /** Replaces the live line (terminal only), cut to the terminal width. */
  show(text: string): void {
    if (!this.#live) return;
    this.#shown = this.#fit(text);
    this.#write(`\r\x1b[2K${this.#shown}`);
  }

  /** Removes the live line, e.g. before the result is printed. */
  clear(): void {
    if (!this.#live || this.#shown === '') return;
    this.#shown = '';
    this.#write('\r\x1b[2K');
  }

  /** Prints whole lines above the live line, which is then drawn again; with `quiet`, errors only. */
  print(text: string, isError = false): void {
    if (this.#quiet && !isError) return;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    if (!this.#live || this.#shown === '') {
      this.#write(body);
      return;
    }
    this.#write(`\r\x1b[2K${body}${this.#shown}`);
  }

  #fit(text: string): string {
    const visible = stripAnsi(text);
    if (visible.length < this.#columns) return text;
    return `${visible.slice(0, this.#columns - 2)}…`;
  }
}
