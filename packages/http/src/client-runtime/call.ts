import { bufferedBytesOf } from '../buffered-response.js';

/**
 * One request as the client runtime hands it to a pipeline: no `Request` is built. The headers
 * object is the pipeline's to change (it was made for this call); `body` is already serialized.
 */
export interface PipelineCall {
  readonly method: string;
  /** The full URL, as built by the client (the pipeline checks its origin before a credential goes out). */
  readonly url: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | undefined;
  readonly abortSignal: AbortSignal | undefined;
}

/** Sends a {@link PipelineCall} through every policy; resolves with a buffered, 2xx `Response`. */
export type SendCall = (call: PipelineCall) => Promise<Response>;

/** Pipelines (their fetch functions) that can also take a {@link PipelineCall} directly. */
const senders = new WeakMap<object, SendCall>();

/** Registers `send` as the direct entry of the pipeline whose fetch-style function is `fetch`. */
export function registerSendCall(fetch: object, send: SendCall): void {
  senders.set(fetch, send);
}

/** The direct entry of a pipeline made by `createPipeline`, or undefined for any other fetch. */
export function sendCallOf(fetch: object | undefined): SendCall | undefined {
  return fetch ? senders.get(fetch) : undefined;
}

/** The body as text: decoded from the bytes a transport already read (bufferedResponse), else read from the stream. */
export async function responseText(response: Response): Promise<string> {
  const bytes = bufferedBytesOf(response);
  if (bytes === undefined) return response.text();
  return bytes === null ? '' : decoder.decode(bytes);
}

const decoder = new TextDecoder();
