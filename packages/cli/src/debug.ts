import { redactText } from '@azlro/http/internal';

/** Headers whose values are credentials: never printed, whatever they hold. */
const SECRET_HEADERS = new Set([
  'authorization', // Bearer / SharedKey
  'proxy-authorization',
  'x-ms-authorization-auxiliary', // cross-tenant tokens
  'cookie',
  'set-cookie',
  'ocp-apim-subscription-key',
]);

/** Run command's request body is the command, its files (`context`) and a cluster token: never printed. */
const SECRET_BODY_PATH = /\/runCommand$/i;

/** Bodies longer than this are cut in the debug log. */
const MAX_BODY_LENGTH = 4_000;

function headerLines(headers: Headers): string[] {
  return [...headers].map(([name, value]) => `    ${name}: ${SECRET_HEADERS.has(name.toLowerCase()) ? 'REDACTED' : redactText(value)}`);
}

function body(text: string): string[] {
  if (text === '') return [];
  const cut = text.length > MAX_BODY_LENGTH ? `${text.slice(0, MAX_BODY_LENGTH)}… (${text.length} characters)` : text;
  return redactText(cut).split('\n').map((line) => `    ${line}`);
}

/**
 * `--debug`: a transport that prints every exchange as it goes over the wire (each retry too):
 * method, URL, headers and body of the request and of the response, with credentials redacted.
 */
export function debugFetch(inner: typeof fetch, print: (text: string) => void): typeof fetch {
  let sequence = 0;
  return async (input, init) => {
    const request = new Request(input, init);
    const n = ++sequence;
    const sentBody = typeof init?.body === 'string' ? init.body : '';
    const shownBody = SECRET_BODY_PATH.test(new URL(request.url).pathname) ? ['    (body not shown: the command, its files and cluster token)'] : body(sentBody);
    print([`debug: #${n} --> ${request.method} ${redactText(request.url)}`, ...headerLines(request.headers), ...shownBody].join('\n'));
    const started = performance.now();
    try {
      const response = await inner(input, init);
      const text = await response.clone().text().catch(() => '');
      print([
        `debug: #${n} <-- ${response.status} ${response.statusText} in ${Math.round(performance.now() - started)} ms`,
        ...headerLines(response.headers),
        ...body(text),
      ].join('\n'));
      return response;
    } catch (error) {
      print(`debug: #${n} <-- ${(error as Error)?.name ?? 'Error'}: ${redactText(String((error as Error)?.message ?? error))}`);
      throw error;
    }
  };
}

let sink: ((text: string) => void) | undefined;

/** Where `--debug` lines go (stderr, above the live line); set by main for the command's run. */
export function setDebugSink(next: ((text: string) => void) | undefined): void {
  sink = next;
}

/** The transport a client gets: the traffic recorder, printed on the way with `--debug`. */
export function transport(debug: boolean | undefined, traffic: { fetch: typeof fetch }): typeof fetch {
  return debug && sink ? debugFetch(traffic.fetch, sink) : traffic.fetch;
}
