export { main } from './main.js';
export type { CliIo, Writer } from './io.js';
export { EXIT_CODES, type ExitCode } from './exit-codes.js';
export { parseCommand, UsageError, type Command, type CommonOptions, type ParsedCommand } from './args.js';
export type { OperationName, Report, ReportError, ReportStatus } from './report.js';
export { USAGE } from './usage.js';
export { VERSION } from './version.js';
