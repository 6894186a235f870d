import type { RequestContext } from './strategy.js';

/** The slice of a generated hey-api client that {@link getAsIs} uses. */
interface HeyApiGet {
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

/** Parses a body that should be JSON; anything else is kept as text (the strategy decides what it means). */
export function parseBody(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * GETs a polling URL exactly as the service gave it, through the client's pipeline (auth, retries,
 * errors): for URLs that no typed operation would reproduce character for character.
 */
export async function getAsIs(client: { readonly client: object }, url: string, context: RequestContext): Promise<PollingResponse> {
  const { origin, pathname, search } = new URL(url);
  const { data, response } = await (client.client as HeyApiGet).get({
    baseUrl: origin,
    url: `${pathname}${search}`,
    parseAs: 'text',
    headers: context.headers,
    signal: context.abortSignal,
    throwOnError: true,
  });
  return { data: parseBody(data), response };
}
