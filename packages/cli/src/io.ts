/** Writes text as-is (no newline added). */
export type Writer = (text: string) => void;

/**
 * Everything {@link main} touches outside itself, so tests can run it in-process and the binary
 * can hand it the real process.
 */
export interface CliIo {
  /** The result: one JSON object (`--output json`) or the report for people. */
  stdout: Writer;
  /** Progress, logs, errors and hints: never part of the result. */
  stderr: Writer;
  /** Read for `AZLRO_ACCESS_TOKEN`, `AZ_BATCH_ACCOUNT`, `AZ_BATCH_ACCESS_KEY`, `NO_COLOR`, `TERM`. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether stdout and stderr are terminals: a live progress line and colour only then. A boolean
   * applies to both.
   * @default false
   */
  isTTY?: boolean | { stdout?: boolean; stderr?: boolean };
  /** Terminal width, to keep the live progress line on one row. @default 80 */
  columns?: number;
  /**
   * Aborted on Ctrl-C (SIGINT): the wait stops, the resume token is printed, exit 130. The
   * operation on the service goes on. An abort reason of `'SIGTERM'` exits 143 instead.
   * @default none
   */
  signal?: AbortSignal;
}

/**
 * Whether each stream is a terminal that takes escape sequences (colour, the live line). `TERM=dumb`
 * (Emacs' shell, some CI consoles) is a terminal that takes none: treated as not one, as
 * supports-color and git do.
 */
export function ttys(io: CliIo): { stdout: boolean; stderr: boolean } {
  const { isTTY = false } = io;
  if (io.env.TERM === 'dumb') return { stdout: false, stderr: false };
  return typeof isTTY === 'boolean' ? { stdout: isTTY, stderr: isTTY } : { stdout: isTTY.stdout ?? false, stderr: isTTY.stderr ?? false };
}

/** Colour only on a terminal and when NO_COLOR is unset or empty (https://no-color.org). */
export function colourAllowed(io: CliIo, isTerminal: boolean): boolean {
  return isTerminal && !io.env.NO_COLOR;
}
