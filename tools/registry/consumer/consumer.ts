// A user's first program, type-checked and run by tools/registry/registry-test.mjs in a fresh
// directory that installed @azlro/lro, @azlro/emulator and @azlro/cli from a local registry and nothing else from
// this repository. Every import resolves through the published `exports` maps and .d.ts files.
import { strict as assert } from 'node:assert';
import { startEmulator, type EmulatorInfo } from '@azlro/emulator';
import { createContainerServiceClient, PACKAGE_VERSION, type RunCommandResult } from '@azlro/containerservice';
import { isConflictError, StaticTokenCredential } from '@azlro/http';
import {
  abortLatestOperation, isOperationFailedError, parseResumeToken, waitForCommandResult, type OperationStatus,
} from '@azlro/lro';

const emulator = await startEmulator({ timings: { abortInMs: 1_000, commandInMs: 1_000, retryAfterInSeconds: 1 } });
try {
  const info: EmulatorInfo = emulator.info;
  const aks = createContainerServiceClient({
    endpoint: emulator.endpoints.arm,
    credential: new StaticTokenCredential('any-token'),
    userAgentPrefix: 'azlro-registry-test/1.0',
  });
  const cluster = {
    subscriptionId: info.subscriptionId,
    resourceGroupName: info.resourceGroupName,
    resourceName: info.clusters.abortAccepted,
  };

  // Abort and wait: 202, polled until Succeeded, honouring Retry-After.
  const statuses: OperationStatus[] = [];
  const abort = abortLatestOperation(aks, cluster, { timeoutInMs: 60_000 });
  abort.onProgress((state) => statuses.push(state.status));
  const token = await abort.serialize();
  await abort;
  assert.equal(abort.operationState.status, 'succeeded');
  assert.equal(parseResumeToken(token).kind, abort.kind);

  // Aborting again once the operation is canceled: nothing left to abort, a typed 409.
  await assert.rejects(async () => abortLatestOperation(aks, cluster), (error: unknown) => isConflictError(error));

  // Wait for a command result: 202 + Location while it runs, then the RunCommandResult.
  const result: RunCommandResult = await waitForCommandResult(aks, { ...cluster, commandId: info.commands.succeeds }, { timeoutInMs: 60_000 });
  assert.equal(result.properties?.exitCode, 0);

  // A failing command rejects with the service's reason.
  const failure = await waitForCommandResult(aks, { ...cluster, commandId: info.commands.fails }).then(
    () => assert.fail('a failing command resolved'),
    (error: unknown) => error,
  );
  assert.ok(isOperationFailedError(failure), `expected an OperationFailedError, got ${String(failure)}`);

  console.log(JSON.stringify({
    containerservice: PACKAGE_VERSION,
    abort: { statuses, polls: abort.operationState.pollCount },
    command: { exitCode: result.properties?.exitCode, provisioningState: result.properties?.provisioningState },
    failedCommand: failure.error?.message,
  }));
} finally {
  await emulator.close();
}
