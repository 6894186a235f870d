import type { RequestContext } from './strategy.js';

/** The slice of the client runtime (`@azlro/http/internal`) that {@link getAsIs} uses. */
interface RuntimeGet {
  get(options: {
    baseUrl: string;
    url: string;
    parseAs: 'text';
    headers?: Readonly<Record<string, string>>;
    signal?: AbortSignal;
    throwOnError: true;
  }): Promise<{ data: unknown; response: Response }>;
}

/** What a polling GET returned: the parsed JSON body (undefined when empty) and the response. */
export interface PollingResponse {
  data: unknown;
  response: Response;
}

/** A body that is not JSON, as {@link parseBody} leaves it: the strategies report it as a protocol fault. */
export class UnparsedBody {
  constructor(
    /** Why it is not usable, e.g. `the body is not JSON (text/html)`. */
    readonly reason: string,
  ) {}
}

/**
 * Parses a polling body (the text the request resolved with): JSON, undefined when empty, or an
 * {@link UnparsedBody} naming the problem (cut short, HTML, ...). The one place a body is parsed,
 * so a body that does not parse never escapes as a bare `SyntaxError`.
 */
export function parseBody(text: unknown, response?: Response): unknown {
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = response?.headers.get('content-type')?.split(';')[0]?.trim();
    return new UnparsedBody(`the body is not JSON${type ? ` (${type}, ${text.length} characters)` : ''}`);
  }
}

/**
 * GETs a polling URL exactly as the service gave it, through the client's pipeline (auth, retries,
 * errors; the pipeline checks the URL's origin before a credential goes out). The URL goes out as
 * it is: with `baseUrl: ''` and no `path`, the client runtime neither parses it nor fills templates.
 */
export async function getAsIs(client: { readonly client: object }, url: string, context: RequestContext): Promise<PollingResponse> {
  const { data, response } = await (client.client as RuntimeGet).get({
    baseUrl: '',
    url,
    parseAs: 'text',
    headers: context.headers,
    signal: context.abortSignal,
    throwOnError: true,
  });
  return { data: parseBody(data, response), response };
}
