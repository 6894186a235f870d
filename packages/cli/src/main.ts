import { parseCommand, requestedOutput, requestedQuery, UsageError, type CommonOptions, type ParsedCommand } from './args.js';
import { commandNamed } from './commands/registry.js';
import { EXIT_CODES, interruptExitCode, type ExitCode } from './exit-codes.js';
import { colourAllowed, ttys, type CliIo, type Writer } from './io.js';
import type { OperationName } from './report.js';
import { quoted, shown } from './sanitize.js';
import { FLAG_OF_PARAMETER } from './spec.js';
import { VERSION } from './version.js';

/**
 * Secrets shorter than this are not scrubbed by value: they are ordinary words (`emulator`, `any`),
 * and blanking them would corrupt output (`azlro emulator` → `azlro REDACTED`). Real tokens are
 * hundreds of characters, Batch keys 88; structure (`Bearer …`, JWTs) is redacted by the pipeline.
 */
const MIN_SECRET_LENGTH = 16;

/** The one hint a usage error gets: the help page of the command (or group) it is about. */
const helpHint = (topic: string) => `Run \`azlro${topic ? ` ${topic}` : ''} --help\` for usage.`;

/**
 * A usage error found while parsing: printed in the output format argv asks for (so a script that
 * asked for JSON gets JSON), with "did you mean" and one hint. Exit 2, nothing sent.
 */
async function usageFailure(argv: readonly string[], io: CliIo, error: unknown, startedAt: number): Promise<number> {
  const [{ createContext }, { printReport }, { createFormatter }] = await Promise.all([import('./context.js'), import('./output.js'), import('./formats.js')]);
  const output = requestedOutput(argv, io.env as NodeJS.ProcessEnv);
  const colour = colourAllowed(io, ttys(io).stdout);
  // Through --query as well, so `-o tsv --query status` prints one word whatever the error; a
  // --query that is itself the error (or meets -o text) is left out.
  const query = requestedQuery(argv);
  const format = await createFormatter({ output, query }, colour).catch(() => createFormatter({ output }, colour));
  const ctx = createContext(io, { noWait: false, output, verbose: false }, startedAt, format);
  let message = error instanceof UsageError ? error.message : shown(String((error as Error)?.message ?? error));
  if (error instanceof UsageError && error.unrecognised.length > 0) {
    const { suggestion } = await import('./suggest.js');
    const found = suggestion(error.unrecognised);
    if (found !== undefined) message += `; did you mean ${quoted(found)}?`;
  }
  const topic = error instanceof UsageError ? error.topic : '';
  printReport(ctx, { status: 'failed', exitCode: EXIT_CODES.usage, error: { code: 'InvalidUsage', message, hint: helpHint(topic) } });
  return EXIT_CODES.usage;
}

/**
 * A library's complaint about a parameter (`subscriptionId must be a UUID`) in the words the user
 * typed (`--subscription must be a UUID`, or `-n …` if they wrote `-n`): a usage error.
 */
function inFlagTerms(error: unknown, parsed: ParsedCommand): unknown {
  if (!(error instanceof TypeError || error instanceof RangeError)) return error;
  const parameter = /^(\w+)\b/.exec(error.message)?.[1];
  const own = commandNamed(parsed.name)?.flagOf;
  const flag = parameter === undefined ? undefined : ((own && Object.hasOwn(own, parameter) ? own[parameter] : undefined) ?? FLAG_OF_PARAMETER[parameter]);
  if (parameter === undefined || flag === undefined) return error;
  const typed = parsed.givenAs?.[flag.slice(2)] ?? flag;
  return new UsageError(`${typed}${shown(error.message.slice(parameter.length))}`, { topic: parsed.name });
}

/** A writer that never lets a credential from flags or the environment through, whatever printed it. */
function scrubbing(write: Writer, secrets: readonly string[]): Writer {
  if (secrets.length === 0) return write;
  return (text) => write(secrets.reduce((out, secret) => out.split(secret).join('REDACTED'), text));
}

function secretsOf(options: CommonOptions): string[] {
  return [options.accessToken, options.accountKey].filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH);
}

/**
 * Runs the `azlro` command line: parses `argv` (without `node` and the script), runs the command
 * and returns the exit code (see {@link EXIT_CODES}). Everything it prints goes through `io`.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const startedAt = performance.now();
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(argv, io.env as NodeJS.ProcessEnv);
  } catch (error) {
    return usageFailure(argv, io, error, startedAt);
  }
  if (parsed.name === 'help') {
    const { helpPage } = await import('./help.js');
    io.stdout(helpPage(parsed.topic));
    return EXIT_CODES.succeeded;
  }
  if (parsed.name === 'version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_CODES.succeeded;
  }
  if (parsed.name === 'completion') {
    const { completionScript } = await import('./completion.js');
    io.stdout(completionScript(parsed.shell));
    return EXIT_CODES.succeeded;
  }
  // The emulator prints its own fake, public Batch key on purpose; everything else is scrubbed.
  const secrets = parsed.name === 'emulator' ? [] : secretsOf(parsed.options);
  const safeIo: CliIo = { ...io, stdout: scrubbing(io.stdout, secrets), stderr: scrubbing(io.stderr, secrets) };
  const [{ createContext }, { printReport }, { createFormatter }] = await Promise.all([import('./context.js'), import('./output.js'), import('./formats.js')]);
  let format;
  try {
    format = await createFormatter(parsed.options, colourAllowed(io, ttys(io).stdout));
  } catch (error) {
    return usageFailure(argv, io, new UsageError((error as Error).message, { topic: parsed.name }), startedAt);
  }
  const ctx = createContext(safeIo, parsed.options, startedAt, format);
  const descriptor = commandNamed(parsed.name)!;
  const operation = descriptor.operation ? (parsed.name as OperationName) : undefined;
  if (parsed.options.verbose && 'subscriptionId' in parsed) {
    ctx.line.print(ctx.errStyle.dim(`azlro: subscription ${parsed.subscriptionId}, from ${parsed.givenAs?.subscription ?? '--subscription'}`));
  }
  const { setDebugSink } = await import('./debug.js');
  if (parsed.options.debug) setDebugSink((text) => ctx.line.print(ctx.errStyle.dim(text)));
  try {
    const { run } = await descriptor.load();
    const outcome = await run(parsed as never, ctx);
    if (typeof outcome === 'number') return outcome;
    printReport(ctx, outcome);
    return outcome.exitCode;
  } catch (error) {
    // Thrown before anything was sent (bad input) or while setting up; after sending, commands report themselves.
    if (io.signal?.aborted && !(error instanceof UsageError)) {
      const exitCode = interruptExitCode(io.signal);
      printReport(ctx, { operation, status: 'failed', exitCode, error: { code: 'Interrupted', message: 'interrupted before the request was sent' } });
      return exitCode;
    }
    const { classifyError } = await import('./errors.js');
    const { exitCode, error: reportError } = classifyError(inFlagTerms(error, parsed), operation, true);
    if (exitCode === EXIT_CODES.usage) reportError.hint ??= helpHint(parsed.name);
    printReport(ctx, { operation, status: 'failed', exitCode, error: reportError, durationInMs: performance.now() - startedAt });
    return exitCode;
  } finally {
    ctx.line.clear();
    setDebugSink(undefined);
  }
}
