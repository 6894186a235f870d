import type { CommonOptions } from './args.js';
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
}

export function createContext(io: CliIo, options: CommonOptions, startedAt: number): CommandContext {
  const tty = ttys(io);
  return {
    io,
    options,
    line: new StatusLine(io.stderr, tty.stderr, io.columns),
    errStyle: createStyle(colourAllowed(io, tty.stderr)),
    outStyle: createStyle(colourAllowed(io, tty.stdout)),
    startedAt,
  };
}
