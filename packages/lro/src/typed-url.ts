/** The slice of a generated hey-api client that {@link matchTemplate} uses. */
interface HeyApiBuildUrl {
  buildUrl(options: { url: string; path: Record<string, string>; query: Record<string, string> }): string;
}

/** Path parameters and api-version read from a polling URL. */
export interface TemplateMatch {
  path: Record<string, string>;
  apiVersion: string;
}

const REGEX_SPECIAL = /[.*+?^$()|[\]\\]/g;

/**
 * Reads `url` against a path template of the spec (e.g. `/subscriptions/{subscriptionId}/...`)
 * with `?api-version=` as its only query. Matches only when the typed operation would send exactly
 * `url` again, so choosing the typed call never changes what reaches the service.
 */
export function matchTemplate(client: { readonly endpoint: string; readonly client: object }, url: string, template: string): TemplateMatch | undefined {
  if (!url.startsWith(`${client.endpoint}/`)) return undefined;
  const names: string[] = [];
  const source = template.replace(REGEX_SPECIAL, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/?#]+)'));
  const match = new RegExp(`^${source}\\?api-version=([^&#]+)$`).exec(url.slice(client.endpoint.length));
  if (!match) return undefined;
  let values: string[];
  try {
    values = match.slice(1).map((value) => decodeURIComponent(value));
  } catch {
    return undefined;
  }
  const path = Object.fromEntries(names.map((name, i) => [name, values[i]!]));
  const apiVersion = values[names.length]!;
  const rebuilt = (client.client as HeyApiBuildUrl).buildUrl({ url: template, path, query: { 'api-version': apiVersion } });
  return rebuilt === url ? { path, apiVersion } : undefined;
}

/** True when `check` does not throw: the typed operation's own validators would accept the values. */
export function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
