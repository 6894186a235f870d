import { isLogEnabled, type AzlroLogger } from '../logging/logger.js';
import type { PipelinePolicy } from '../pipeline-request.js';
import { getRequestIds } from '../request-ids.js';

/**
 * One line per attempt sent and one per answer (or failure), with ids and timing; never headers or
 * bodies. When info lines are off as an attempt starts, nothing is built or timed for it.
 */
export function loggingPolicy(log: AzlroLogger, requestIdHeaderName: string): PipelinePolicy {
  const logged: PipelinePolicy = async (request, next) => {
    const where = `${request.method} ${request.url} attempt=${request.attempt} ${requestIdHeaderName}=${request.headers.get(requestIdHeaderName) ?? '-'}`;
    log.info(`--> ${where}`);
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)}ms`;
    try {
      const response = await next(request);
      const { requestId } = getRequestIds(response);
      log.info(`<-- ${response.status} ${where} in ${elapsed()}${requestId ? ` request-id=${requestId}` : ''}`);
      return response;
    } catch (error) {
      log.info(`<-- ${(error as Error)?.name ?? 'Error'} ${where} in ${elapsed()}: ${(error as Error)?.message ?? String(error)}`);
      throw error;
    }
  };
  return (request, next) => (isLogEnabled(log, 'info') ? logged(request, next) : next(request));
}
