// The code that runs inside Chromium: bundled by esbuild for the browser platform and loaded by
// index.html as a module. Each scenario uses the real clients, poller and Shared Key signing
// against the emulator (another origin), and returns plain JSON for the Node side to assert on.
import { createBatchClient } from '@azlro/batch';
import { createCloudPartnerClient } from '@azlro/cloudpartner';
import { createContainerServiceClient } from '@azlro/containerservice';
import type { EmulatorInfo } from '@azlro/emulator';
import { isApiError, SharedKeyCredential, StaticTokenCredential } from '@azlro/http';
import {
  abortAgentPoolLatestOperation, abortLatestOperation, cancelCertificateDeletion, cancelOfferOperation, parseResumeToken, restorePoller,
  runCommand, waitForCommandResult, type OperationState,
} from '@azlro/lro';

/** A request as the pipeline handed it to `fetch`: what the page asked the browser to send. */
export interface SentRequest {
  method: string;
  url: string;
  /** Header names, lower case, sorted. */
  headers: string[];
}

/** One `onProgress` call: the state, and when it came (ms since the poller was created). */
export interface ProgressEntry {
  status: string;
  serviceStatus: string | undefined;
  pollCount: number;
  atInMs: number;
}

/** The scenarios a test can run in the page (`window.azlroPage`). */
export interface PageApi {
  /** What the page runs in: proof that it is a real browser and not Node. */
  environment(): { userAgent: string; hasProcess: boolean; hasBuffer: boolean; origin: string };
  /** A raw cross-origin POST to the abort endpoint: which response headers can the page read? */
  readAbortHeaders(info: EmulatorInfo, resourceName: string): Promise<Record<string, string | null>>;
  /** abortLatestOperation + pollUntilDone. */
  abortAndWait(info: EmulatorInfo, resourceName: string): Promise<{ result: null; state: OperationState<void>; progress: ProgressEntry[]; sent: SentRequest[] }>;
  /** waitForCommandResult. */
  waitForCommand(info: EmulatorInfo, resourceName: string): Promise<{ exitCode: number | undefined; provisioningState: string | undefined; pollCount: number; sent: SentRequest[] }>;
  /** runCommand: a cross-origin JSON POST (preflighted), its `location` read, the result followed. */
  runCommand(info: EmulatorInfo, resourceName: string): Promise<{ exitCode: number | undefined; logs: string | undefined; pollCount: number; sent: SentRequest[] }>;
  /** abortAgentPoolLatestOperation + pollUntilDone. */
  abortNodePool(info: EmulatorInfo, resourceName: string): Promise<{ status: string; pollCount: number; sent: SentRequest[] }>;
  /** cancelOfferOperation, following the relative Location. */
  cancelOffer(info: EmulatorInfo, offerId: string): Promise<{ operationStatus: string | undefined; state: string; pollCount: number; sent: SentRequest[] }>;
  /** Batch cancel deletion signed with Shared Key (WebCrypto), then once with a wrong key. */
  cancelCertificateDeletion(info: EmulatorInfo): Promise<{ status: number; requestId: string | undefined; clientRequestId: string | undefined; wrongKey: { status: number | undefined; code: string | undefined }; sent: SentRequest[] }>;
  /** serialize() on one poller, restorePoller() on a fresh client, wait there. */
  serializeAndRestore(info: EmulatorInfo, resourceName: string): Promise<{ token: string; kind: string; endpoint: string; status: string; pollCount: number }>;
}

declare global {
  interface Window {
    azlroPage: PageApi;
  }
}

/** Short polls when the service says nothing, so a honoured `Retry-After` (1 s) stands out. */
const INTERVAL_IN_MS = 50;

/** A fetch that records what it is asked to send, then sends it with the browser's own fetch. */
function recordingFetch(sent: SentRequest[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, headers: [...request.headers.keys()].sort() });
    return fetch(input, init);
  };
}

function cluster(info: EmulatorInfo, resourceName: string) {
  return { subscriptionId: info.subscriptionId, resourceGroupName: info.resourceGroupName, resourceName };
}

function armClient(info: EmulatorInfo, sent: SentRequest[] = []) {
  return createContainerServiceClient({
    endpoint: info.endpoints.arm,
    credential: new StaticTokenCredential('browser-token'),
    fetch: recordingFetch(sent),
  });
}

const api: PageApi = {
  environment() {
    return {
      userAgent: navigator.userAgent,
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      hasBuffer: typeof (globalThis as { Buffer?: unknown }).Buffer !== 'undefined',
      origin: location.origin,
    };
  },

  async readAbortHeaders(info, resourceName) {
    const { subscriptionId, resourceGroupName } = info;
    const url =
      `${info.endpoints.arm}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}` +
      `/providers/Microsoft.ContainerService/managedclusters/${resourceName}/abort?api-version=2024-02-01`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer browser-token', 'x-ms-client-request-id': crypto.randomUUID(), 'x-ms-useragent': 'azlro-browser-test' },
    });
    await response.arrayBuffer(); // read to the end, or Chromium reports the request aborted
    const names = ['azure-asyncoperation', 'location', 'retry-after', 'x-ms-request-id', 'x-ms-correlation-request-id'];
    return { status: String(response.status), ...Object.fromEntries(names.map((name) => [name, response.headers.get(name)])) };
  },

  async abortAndWait(info, resourceName) {
    const sent: SentRequest[] = [];
    const started = performance.now();
    const progress: ProgressEntry[] = [];
    const poller = abortLatestOperation(armClient(info, sent), cluster(info, resourceName), { intervalInMs: INTERVAL_IN_MS });
    poller.onProgress((state) => {
      progress.push({ status: state.status, serviceStatus: state.serviceStatus, pollCount: state.pollCount, atInMs: Math.round(performance.now() - started) });
    });
    const result = await poller.pollUntilDone();
    return { result: result ?? null, state: structuredClone(poller.operationState), progress, sent };
  },

  async waitForCommand(info, resourceName) {
    const sent: SentRequest[] = [];
    const poller = waitForCommandResult(armClient(info, sent), { ...cluster(info, resourceName), commandId: info.commands.succeeds }, { intervalInMs: INTERVAL_IN_MS });
    const result = await poller;
    return { exitCode: result.properties?.exitCode, provisioningState: result.properties?.provisioningState, pollCount: poller.operationState.pollCount, sent };
  },

  async runCommand(info, resourceName) {
    const sent: SentRequest[] = [];
    const poller = runCommand(armClient(info, sent), cluster(info, resourceName), { command: info.runCommand.succeeds }, { intervalInMs: INTERVAL_IN_MS });
    const result = await poller;
    return { exitCode: result.properties?.exitCode, logs: result.properties?.logs, pollCount: poller.operationState.pollCount, sent };
  },

  async abortNodePool(info, resourceName) {
    const sent: SentRequest[] = [];
    const poller = abortAgentPoolLatestOperation(armClient(info, sent), { ...cluster(info, resourceName), agentPoolName: info.agentPools.abortAccepted }, { intervalInMs: INTERVAL_IN_MS });
    await poller;
    return { status: poller.operationState.status, pollCount: poller.operationState.pollCount, sent };
  },

  async cancelOffer(info, offerId) {
    const sent: SentRequest[] = [];
    const partner = createCloudPartnerClient({
      endpoint: info.endpoints.cloudPartner,
      credential: new StaticTokenCredential('browser-token'),
      fetch: recordingFetch(sent),
    });
    const poller = cancelOfferOperation(partner, { publisherId: info.cloudPartner.publisherId, offerId }, { intervalInMs: INTERVAL_IN_MS });
    const operation = await poller;
    return { operationStatus: operation?.status, state: poller.operationState.status, pollCount: poller.operationState.pollCount, sent };
  },

  async cancelCertificateDeletion(info) {
    const sent: SentRequest[] = [];
    const { accountName, accountKey, thumbprints } = info.batch;
    const batch = createBatchClient({ endpoint: info.endpoints.batch, credential: new SharedKeyCredential(accountName, accountKey), fetch: recordingFetch(sent) });
    const { status, requestIds } = await cancelCertificateDeletion(batch, { thumbprint: thumbprints.canceled });

    const wrongKey = btoa('not the emulator account key');
    const impostor = createBatchClient({ endpoint: info.endpoints.batch, credential: new SharedKeyCredential(accountName, wrongKey) });
    let refused: { status: number | undefined; code: string | undefined } = { status: undefined, code: undefined };
    try {
      await cancelCertificateDeletion(impostor, { thumbprint: thumbprints.canceled });
    } catch (error) {
      if (!isApiError(error)) throw error;
      refused = { status: error.status, code: error.code };
    }
    return { status, requestId: requestIds.requestId, clientRequestId: requestIds.clientRequestId, wrongKey: refused, sent };
  },

  async serializeAndRestore(info, resourceName) {
    const token = await abortLatestOperation(armClient(info), cluster(info, resourceName)).serialize();
    // A fresh client, as after a page reload: only the token carries over.
    const parsed = parseResumeToken(token);
    const poller = restorePoller(armClient({ ...info, endpoints: { ...info.endpoints, arm: parsed.endpoint } }), token, { intervalInMs: INTERVAL_IN_MS });
    await poller;
    return { token, kind: parsed.kind, endpoint: parsed.endpoint, status: poller.operationState.status, pollCount: poller.operationState.pollCount };
  },
};

window.azlroPage = api;
document.title = 'azlro ready';
