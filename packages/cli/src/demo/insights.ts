import { checkRetryAfter, type Exchange } from '../traffic.js';
import { plural } from '../style.js';

/** A readable name for a request path: the last meaningful segment (`abort`, `operations`, `operationresults`, `commandResults`, …). */
export function pathLabel(path: string): string {
  const segments = path.split('?')[0]!.split('/').filter(Boolean);
  const known = ['abort', 'operationStatus', 'operations', 'operationresults', 'commandResults', 'cancel', 'canceldelete'];
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (known.includes(segment)) return segment;
  }
  return segments.at(-1) ?? '/';
}

/** `POST abort → 202 · GET operationStatus → 200 ×3`: the requests, consecutive repeats folded. */
export function describeExchanges(exchanges: readonly Exchange[]): string {
  const parts: { text: string; count: number }[] = [];
  for (const exchange of exchanges) {
    const text = `${exchange.method} ${pathLabel(exchange.path)} → ${exchange.status ?? 'no answer'}`;
    const last = parts.at(-1);
    if (last?.text === text) last.count++;
    else parts.push({ text, count: 1 });
  }
  return parts.map(({ text, count }) => (count > 1 ? `${text} ×${count}` : text)).join(' · ');
}

/** What the measured gaps say about Retry-After, or undefined when no answer asked for a delay. */
export function describeRetryAfter(exchanges: readonly Exchange[]): { text: string; honoured: boolean } | undefined {
  const check = checkRetryAfter(exchanges);
  if (check.waits === 0) return undefined;
  const asked = check.askedInMs.map((ms) => `${ms / 1000} s`).join(' / ');
  const range = `${(check.minGapInMs! / 1000).toFixed(2)}–${(check.maxGapInMs! / 1000).toFixed(2)} s`;
  if (check.early === 0) {
    return { text: `Retry-After honoured: ${plural(check.waits, 'request')} each sent ${range} after the answer that asked for ${asked}`, honoured: true };
  }
  return { text: `Retry-After NOT honoured: ${check.early} of ${check.waits} requests went early (gaps ${range}, asked ${asked})`, honoured: false };
}
