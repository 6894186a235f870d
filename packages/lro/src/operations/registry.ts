import type { AnyOperation } from '../operation.js';
import { abortAgentPoolLatest } from './abort-agent-pool-latest-operation/descriptor.js';
import { abortLatest } from './abort-latest-operation/descriptor.js';
import { cancelOffer } from './cancel-offer-operation/descriptor.js';
import { runCommandOperation } from './run-command/descriptor.js';
import { commandResultOperation } from './wait-for-command-result/descriptor.js';

/**
 * Every operation a poller can follow, one line each: resume tokens name one by its `kind`, and
 * `restorePoller` continues it with its descriptor. A new operation is a folder beside this file
 * (its descriptor and public function) and one line here.
 */
export const OPERATIONS = [
  abortLatest,
  commandResultOperation,
  abortAgentPoolLatest,
  runCommandOperation,
  cancelOffer,
] as const satisfies readonly AnyOperation[];
