import { cancelCertificateDeletion } from '@azlro/lro';
import { UsageError, type Command } from '../args.js';
import { batchClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { classifyError } from '../errors.js';
import { EXIT_CODES, interruptExitCode } from '../exit-codes.js';
import { Progress } from '../progress.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type BatchCancel = Extract<Command, { name: 'batch cancel-certificate-deletion' }>;

const NOTHING_TO_RESUME = 'Cancel Certificate Deletion is synchronous: there is nothing to resume (the request may still have reached the service)';

/**
 * `azlro batch cancel-certificate-deletion`: one POST, answered 204 (there is nothing to poll).
 * Deprecated like the API: the Batch certificate feature was retired on 2024-02-29.
 */
export async function run(command: BatchCancel, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const { io, options } = ctx;
  if (options.endpoint !== undefined) throw new UsageError('batch takes --account-endpoint (the Batch account URL), not --endpoint');
  const client = await batchClient(ctx, traffic, command.accountEndpoint);
  const deadline = options.timeoutInMs === undefined ? undefined : AbortSignal.timeout(options.timeoutInMs);
  const signals = [io.signal, deadline].filter((s): s is AbortSignal => s !== undefined);
  const abortSignal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const params = { thumbprint: command.thumbprint, thumbprintAlgorithm: command.thumbprintAlgorithm };
  // Called before the progress starts: a bad thumbprint throws here, nothing sent (exit 2).
  const sent = cancelCertificateDeletion(client, params, abortSignal ? { abortSignal } : {});
  const operation = 'batch cancel-certificate-deletion';
  const progress = new Progress({ line: ctx.line, style: ctx.errStyle, operation, traffic, intervalInMs: 0, startedAt: ctx.startedAt });
  const base = () => ({ operation, requests: traffic.count, durationInMs: performance.now() - ctx.startedAt }) as const;
  try {
    const { requestIds } = await sent;
    progress.update({ status: 'succeeded' });
    return {
      ...base(),
      status: 'succeeded',
      exitCode: EXIT_CODES.succeeded,
      requestId: requestIds.requestId,
      notes: ['the certificate is active again (204). Deprecated: the Batch certificate feature was retired on 2024-02-29'],
    };
  } catch (error) {
    // No outcome is known, and there is no operation to resume: report the wait as failed.
    if (io.signal?.aborted) {
      return { ...base(), status: 'failed', exitCode: interruptExitCode(io.signal), error: { code: 'Interrupted', message: NOTHING_TO_RESUME } };
    }
    if (deadline?.aborted) {
      return { ...base(), status: 'failed', exitCode: EXIT_CODES.timeout, error: { code: 'Timeout', message: `no answer within --timeout; ${NOTHING_TO_RESUME}` } };
    }
    const { exitCode, error: reportError } = classifyError(error, operation, { beforeSending: traffic.count === 0 });
    return { ...base(), status: 'failed', exitCode, error: reportError, requestId: reportError.requestId };
  } finally {
    progress.stop();
  }
}
