import type { TokenCredential } from '@azlro/http';
import { SharedKeyCredential, StaticTokenCredential } from '@azlro/http';
import { UsageError, type CommonOptions } from './args.js';

/**
 * `--access-token` / `AZLRO_ACCESS_TOKEN` as a static bearer token, else `DefaultAzureCredential`
 * (imported only now: @azure/identity is the heaviest thing the CLI can load).
 */
export async function tokenCredential(options: CommonOptions): Promise<TokenCredential> {
  if (options.accessToken !== undefined) {
    try {
      return new StaticTokenCredential(options.accessToken);
    } catch (error) {
      // The credential's own message never contains the token; say which option was wrong.
      throw new UsageError(`--access-token (or AZLRO_ACCESS_TOKEN): ${(error as Error).message}`);
    }
  }
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

/** Batch: Shared Key when both account name and key are given, else the token credential. */
export async function batchCredential(options: CommonOptions): Promise<TokenCredential | SharedKeyCredential> {
  const { accountName, accountKey } = options;
  if (accountName === undefined && accountKey === undefined) return tokenCredential(options);
  if (accountName === undefined || accountKey === undefined) {
    throw new UsageError('--account-name and --account-key (or AZ_BATCH_ACCOUNT and AZ_BATCH_ACCESS_KEY) go together');
  }
  try {
    return new SharedKeyCredential(accountName, accountKey);
  } catch (error) {
    throw new UsageError(`--account-name/--account-key: ${(error as Error).message}`);
  }
}
