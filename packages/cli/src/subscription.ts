import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';
import { quoted } from './sanitize.js';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The Azure CLI's config folder: `AZURE_CONFIG_DIR`, else `~/.azure` (from the environment only). */
export function azureConfigDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AZURE_CONFIG_DIR) return env.AZURE_CONFIG_DIR;
  const home = env.HOME || env.USERPROFILE;
  return home ? join(home, '.azure') : undefined;
}

interface ProfileSubscription {
  id?: unknown;
  name?: unknown;
  isDefault?: unknown;
}

/**
 * A subscription of the Azure CLI's login, read from its `azureProfile.json` as a file (no `az`
 * process): the default one (`az account set`), or the one with the name given. Undefined when
 * there is no such file or subscription.
 */
export function profileSubscription(env: NodeJS.ProcessEnv, name?: string): { id: string; name?: string; file: string } | undefined {
  const dir = azureConfigDir(env);
  if (!dir) return undefined;
  const file = join(dir, 'azureProfile.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let profile: { subscriptions?: ProfileSubscription[] };
  try {
    // az writes it with a byte order mark.
    profile = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof profile;
  } catch {
    throw new UsageError(`${file} is not valid JSON: pass --subscription or set AZURE_SUBSCRIPTION_ID`);
  }
  const subscriptions = Array.isArray(profile.subscriptions) ? profile.subscriptions : [];
  const chosen = name === undefined
    ? subscriptions.find((s) => s?.isDefault === true)
    : subscriptions.find((s) => typeof s?.name === 'string' && s.name.toLowerCase() === name.toLowerCase());
  if (!chosen || typeof chosen.id !== 'string') return undefined;
  return { id: chosen.id, ...(typeof chosen.name === 'string' ? { name: chosen.name } : {}), file };
}

/**
 * The subscription as az finds it: `--subscription`, else `AZURE_SUBSCRIPTION_ID` (both already in
 * `given`, named by `givenAs`), else the Azure CLI's default. As with az, a name instead of an id
 * is looked up among the Azure CLI's subscriptions. Records where it came from in `sources`.
 */
export function resolveSubscription(given: string | undefined, givenAs: string, env: NodeJS.ProcessEnv, sources: Record<string, string>): string {
  let id = given;
  let from = givenAs;
  if (id === undefined) {
    const profile = profileSubscription(env);
    if (!profile) {
      const dir = azureConfigDir(env);
      throw new UsageError(
        '--subscription is required: pass it, set AZURE_SUBSCRIPTION_ID, or choose a default with `az login` / `az account set`' +
          (dir ? ` (none in ${join(dir, 'azureProfile.json')})` : ''),
      );
    }
    id = profile.id;
    from = `the Azure CLI's default subscription${profile.name ? ` ${quoted(profile.name)}` : ''} in ${profile.file}`;
    sources.subscription = from;
  }
  if (!UUID.test(id.trim()) && id.trim() !== '') {
    const named = profileSubscription(env, id.trim());
    if (named) {
      sources.subscription = `${from} ${quoted(id.trim())}, by name in ${named.file}`;
      return named.id;
    }
  }
  if (!UUID.test(id.trim())) throw new UsageError(`${from} must be a subscription id (a UUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) or the name of one of the Azure CLI's subscriptions; got ${quoted(id)}`);
  return id.trim();
}
