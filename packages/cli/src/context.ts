import type { CommonOptions } from './args.js';
import type { Formatter } from './formats.js';
import { colourAllowed, ttys, type CliIo } from './io.js';
import { StatusLine } from './status-line.js';
import { createStyle, type Style } from './style.js';

/** What every command gets: its options, the process around it, and where to write. */
export interface CommandContext {
  readonly io: CliIo;
  readonly options: CommonOptions;
  /** stderr, with the live progress line on a terminal. */
  readonly line: StatusLine;
  /** Colours for stderr. */
  readonly errStyle: Style;
  /** Colours for stdout (text mode). */
  readonly outStyle: Style;
  /** `performance.now()` when the command started. */
  readonly startedAt: number;
  /** Renders a JSON value as `--output` and `--query` ask (every format but text). */
  readonly format: Formatter;
}

/** JSON, for contexts made before the formatter could be (a usage error in parsing). */
const plainJson: Formatter = (value) => `${JSON.stringify(value, null, 2)}\n`;

export function createContext(io: CliIo, options: CommonOptions, startedAt: number, format: Formatter = plainJson): CommandContext {
  const tty = ttys(io);
  return {
    io,
    options,
    format,
    line: new StatusLine(io.stderr, tty.stderr, io.columns, options.onlyShowErrors === true),
    errStyle: createStyle(colourAllowed(io, tty.stderr)),
    outStyle: createStyle(colourAllowed(io, tty.stdout)),
    startedAt,
  };
}
