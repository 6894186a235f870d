import { parseCommand, UsageError, type CommonOptions, type ParsedCommand } from './args.js';
import type { CommandContext } from './context.js';
import { EXIT_CODES, interruptExitCode, type ExitCode } from './exit-codes.js';
import type { CliIo, Writer } from './io.js';
import type { Report } from './report.js';
import { USAGE } from './usage.js';
import { VERSION } from './version.js';

/**
 * What a command module exports. Loaded with `import()`, as is everything that prints a report,
 * so `--version` and `--help` load only the parser.
 */
type CommandRun = (command: never, ctx: CommandContext) => Promise<Report | ExitCode>;

const COMMANDS: Record<Exclude<ParsedCommand['name'], 'help' | 'version'>, () => Promise<{ run: CommandRun }>> = {
  'aks abort': () => import('./commands/aks-abort.js'),
  'aks command-result': () => import('./commands/aks-command-result.js'),
  'batch cancel-certificate-deletion': () => import('./commands/batch-cancel-certificate-deletion.js'),
  'partner cancel': () => import('./commands/partner-cancel.js'),
  wait: () => import('./commands/wait.js'),
  emulator: () => import('./commands/emulator.js'),
  demo: () => import('./commands/demo.js'),
};

/** Secrets shorter than this are not scrubbed (they would match ordinary words). */
const MIN_SECRET_LENGTH = 8;

/** True when argv asks for JSON, even if it fails to parse: usage errors are then reported as JSON too. */
function asksForJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => ((arg === '-o' || arg === '--output') && argv[i + 1] === 'json') || arg === '--output=json' || arg === '-ojson');
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
    const output = asksForJson(argv) ? 'json' : 'text';
    const [{ createContext }, { printReport }] = await Promise.all([import('./context.js'), import('./output.js')]);
    const ctx = createContext(io, { noWait: false, output, verbose: false }, startedAt);
    printReport(ctx, { status: 'failed', exitCode: EXIT_CODES.usage, error: { code: 'InvalidUsage', message: (error as Error).message } });
    return EXIT_CODES.usage;
  }
  if (parsed.name === 'help') {
    io.stdout(USAGE);
    return EXIT_CODES.succeeded;
  }
  if (parsed.name === 'version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_CODES.succeeded;
  }
  // The emulator prints its own fake, public Batch key on purpose; everything else is scrubbed.
  const secrets = parsed.name === 'emulator' ? [] : secretsOf(parsed.options);
  const safeIo: CliIo = { ...io, stdout: scrubbing(io.stdout, secrets), stderr: scrubbing(io.stderr, secrets) };
  const [{ createContext }, { printReport }] = await Promise.all([import('./context.js'), import('./output.js')]);
  const ctx = createContext(safeIo, parsed.options, startedAt);
  const operation = parsed.name === 'wait' || parsed.name === 'emulator' || parsed.name === 'demo' ? undefined : parsed.name;
  const { configureLogging } = await import('./logging.js');
  const restoreLogging = await configureLogging(ctx);
  try {
    const { run } = await COMMANDS[parsed.name]();
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
    const { exitCode, error: reportError } = classifyError(error, operation, true);
    printReport(ctx, { operation, status: 'failed', exitCode, error: reportError, durationInMs: performance.now() - startedAt });
    return exitCode;
  } finally {
    ctx.line.clear();
    restoreLogging();
  }
}
