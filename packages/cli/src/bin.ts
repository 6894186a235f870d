#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// One process follows one operation, so undici's HTTP parser (llhttp, WebAssembly) parses a handful
// of responses: V8's baseline compiler (Liftoff) is enough. Without this flag V8 also optimizes the
// module with TurboFan on background threads, and the process waits for that work at exit: ~0.1 s
// of CPU and of wall time on every command (measured on this project's 2-core machines: a 204
// `aks abort` 0.47 → 0.34 s CPU). Set before the first request compiles the module; a library user's
// process is left alone.
setFlagsFromString('--liftoff-only');

// Ctrl-C (or SIGTERM) stops the wait: main prints the resume token and returns 130 (143).
// A second Ctrl-C while it winds down exits at once.
const interrupt = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupt.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
  interrupt.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// A reader that closed the pipe (`azlro … | head -1`, `| true`) wants no more output: the rest is
// dropped quietly and the exit code stays the outcome's. Any other write error (a full disk: ENOSPC)
// lost the result: one line on stderr, and the exit code is 1 if the outcome's was 0. Without these
// listeners Node prints an unhandled 'error' stack trace and exits 1.
let stdoutFailed: NodeJS.ErrnoException | undefined;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (stdoutFailed) return;
  stdoutFailed = error;
  if (error.code !== 'EPIPE') process.stderr.write(`azlro: error: could not write the result to stdout: ${error.code ?? error.message}\n`);
});
process.stderr.on('error', () => {}); // nowhere left to report it
const writer = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!stream.destroyed) stream.write(text);
};

const outcome = await main(process.argv.slice(2), {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  env: process.env,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  columns: process.stderr.columns,
  signal: interrupt.signal,
});
// The stream reports a failed write on the next tick: let it land before choosing the code.
await new Promise((resolve) => setImmediate(resolve));
const exitCode = outcome === 0 && stdoutFailed !== undefined && stdoutFailed.code !== 'EPIPE' ? 1 : outcome;
process.exitCode = exitCode;
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
// Idle keep-alive sockets must not hold the exit back; output is flushed by then (pipes and files
// are written synchronously on POSIX), and this timer fires only if something else lingers.
setTimeout(() => process.exit(exitCode), 1_000).unref();
