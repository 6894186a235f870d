import type { CliCommand, CommandModule } from '../cli-command.js';
import { BATCH_KEY_FLAGS, CONNECTION_FLAGS } from '../flags.js';
import { quoted } from '../sanitize.js';
import { UsageError } from '../usage-error.js';

/** `azlro batch cancel-certificate-deletion`. */
export const batchCancelCertificateDeletion = {
  spec: {
    name: 'batch cancel-certificate-deletion',
    summary: 'cancel a failed certificate deletion (deprecated: the feature was retired in 2024)',
    description: 'POST {batchUrl}/certificates(…)/canceldelete, answered 204. Newer API versions answer 400 CertificateRetired (exit 3).',
    flags: [
      { name: 'account-endpoint', value: '<url>', required: true, description: 'the Batch account URL (https://<account>.<region>.batch.azure.com)' },
      { name: 'thumbprint', value: '<40 hex>', required: true, description: 'the certificate\'s SHA-1 thumbprint' },
      { name: 'thumbprint-algorithm', value: '<alg>', choices: ['sha1'], defaultText: 'sha1', description: 'the thumbprint algorithm' },
      ...BATCH_KEY_FLAGS,
      ...CONNECTION_FLAGS.filter((flag) => flag.name !== 'endpoint'),
    ],
    examples: [
      { comment: 'with Shared Key from the environment', command: 'AZ_BATCH_ACCOUNT=acct AZ_BATCH_ACCESS_KEY=… azlro batch cancel-certificate-deletion --account-endpoint https://acct.westeurope.batch.azure.com --thumbprint 0123…cdef' },
      { comment: 'with the az login credential', command: 'azlro batch cancel-certificate-deletion --account-endpoint https://acct.westeurope.batch.azure.com --thumbprint 0123…cdef' },
    ],
  },
  parse: ({ values }) => {
    const algorithm = values.string('thumbprint-algorithm') ?? 'sha1';
    if (algorithm !== 'sha1') throw new UsageError(`${values.as('thumbprint-algorithm')} must be sha1; got ${quoted(algorithm)}`);
    return {
      name: 'batch cancel-certificate-deletion',
      accountEndpoint: values.url('account-endpoint') ?? values.required('account-endpoint'),
      thumbprint: values.required('thumbprint'),
      thumbprintAlgorithm: 'sha1' as const,
    };
  },
  load: (): Promise<CommandModule> => import('./batch-cancel-certificate-deletion.js'),
  operation: true,
  // Batch's endpoint is its account URL.
  flagOf: { endpoint: '--account-endpoint' },
} as const satisfies CliCommand<{ name: 'batch cancel-certificate-deletion' } & Record<string, unknown>>;
