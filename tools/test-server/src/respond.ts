import type { ServerResponse } from 'node:http';
import type { StepResponse } from './types.js';

/** Writes one scripted answer, or breaks the connection the way the step asks. */
export function respond(res: ServerResponse, step: StepResponse): void {
  if (step.drop === 'before-headers') {
    res.socket?.destroy();
    return;
  }
  const headers = { ...step.headers };
  let body: Uint8Array;
  if (step.json !== undefined || step.malformedJson) {
    const text = JSON.stringify(step.json ?? { ok: true });
    body = Buffer.from(step.malformedJson ? text.slice(0, -1) : text);
    headers['content-type'] ??= 'application/json';
  } else {
    body = typeof step.body === 'string' ? Buffer.from(step.body) : (step.body ?? new Uint8Array());
  }
  if (step.drop === 'mid-body') {
    if (body.length < 2) body = Buffer.from('{"partial":"body that will never complete"}');
    res.writeHead(step.status ?? 200, { ...headers, 'content-length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.writeHead(step.status ?? 200, { 'content-length': body.length, ...headers });
  res.end(body);
}
