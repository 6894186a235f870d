import type { EmulatorInfo } from '@azlro/emulator';
import type { CommonOptions } from '../args.js';
import type { CommandContext } from '../context.js';
import type { OperationName, Report } from '../report.js';
import type { Style } from '../style.js';

/** The emulator takes any bearer token; this one is not a secret. */
export const DEMO_ACCESS_TOKEN = 'azlro-demo-not-a-secret';

/** One line of the closing summary. */
export interface StepSummary {
  step: string;
  operation: OperationName;
  status: Report['status'];
  exitCode: number;
  /** The step ended the way the emulator's sample names say it should. */
  expected: boolean;
  /** `4`, or `1 + 3` across two processes. */
  requests: string;
  durationInMs: number;
  /** What the measured gaps say about Retry-After, for the table. */
  retryAfter: string;
  /** Requests sent after an answer that asked for a delay, and how many of them went early (measured in this process). */
  retryAfterWaits: number;
  retryAfterEarly: number;
  errorCode?: string;
}

/** What the demo's steps share. */
export interface DemoSession {
  readonly ctx: CommandContext;
  readonly info: EmulatorInfo;
  /** The options each in-process step runs with: the emulator, its token and its Batch account. */
  readonly options: CommonOptions;
  readonly style: Style;
  readonly summaries: StepSummary[];
  /** Set once Ctrl-C arrived: the remaining steps are skipped. */
  interrupted: boolean;
  /** A line on stdout (text mode only). */
  say(text?: string): void;
}

/** Indents each line under a step's number. */
export function indent(text: string): string {
  return text.split('\n').map((line) => `     ${line}`).join('\n');
}
