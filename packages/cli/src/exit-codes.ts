/** The exit codes are a contract: scripts branch on them. */
export const EXIT_CODES = {
  /** The operation succeeded (or, with --no-wait, was accepted). */
  succeeded: 0,
  /** The operation ended failed or canceled (a command result whose provisioningState is failed). */
  operationFailed: 1,
  /** Invalid usage or input: nothing was sent. */
  usage: 2,
  /** A service or network error, after the pipeline's retries. */
  serviceError: 3,
  /** --timeout passed; the operation goes on (resume with the printed token). */
  timeout: 4,
  /**
   * `aks command-result` and `aks command invoke`: the command ran to the end on the cluster (provisioningState succeeded)
   * but exited non-zero; the report's `commandExitCode` is its code.
   */
  commandFailed: 5,
  /** Ctrl-C (SIGINT, 128 + 2); the operation goes on (resume with the printed token). */
  interrupted: 130,
  /** SIGTERM (128 + 15); handled like Ctrl-C. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit code for an interrupt whose abort reason names the signal. */
export function interruptExitCode(signal: AbortSignal | undefined): ExitCode {
  return signal?.reason === 'SIGTERM' ? EXIT_CODES.terminated : EXIT_CODES.interrupted;
}
