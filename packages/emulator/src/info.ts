/** The three services the emulator serves, each on its own origin. */
export type EmulatorService = 'arm' | 'cloudPartner' | 'batch';

/** Base URLs (no trailing slash) of the three services: pass them as a client's `endpoint`. */
export interface EmulatorEndpoints {
  /** Azure Resource Manager (AKS abort, command results, their polling resources). */
  readonly arm: string;
  /** Cloud Partner Portal (offer cancel and its operations). */
  readonly cloudPartner: string;
  /** The Batch account's data plane (certificate cancel deletion). */
  readonly batch: string;
}

/**
 * The name prefixes that pick an outcome (case-insensitive). Anything else takes the normal path.
 * One table, read by the backend and by {@link emulatorInfo}, so the two cannot disagree.
 */
export const OUTCOME_PREFIXES = {
  /** Cluster: nothing is running, so abort answers 204. */
  idleCluster: 'idle',
  /** Cluster: the latest operation already finished, so abort answers 409 `OperationNotAllowed`. */
  finishedCluster: 'finished',
  /** Cluster or offer: does not exist, 404. */
  missing: 'missing',
  /** Command id: the command ends `failed` with a `reason`. */
  failingCommand: 'fail',
  /** Certificate thumbprint: 400 `CertificateRetired`, as the real service answers since 2024-02-29. */
  retiredCertificate: 'dead',
  /** Certificate thumbprint: the certificate is `active`, not `deleteFailed`: 409 `CertificateStateActive`. */
  activeCertificate: '409',
  /** Certificate thumbprint: no such certificate in the account, 404 `CertificateNotFound`. */
  missingCertificate: '404',
  /** Offer: the cancel is synchronous, 200. */
  synchronousOffer: 'sync',
  /** Offer: not migrated to Partner Center, so `Location` has the legacy `/api/operations/{id}` form. */
  legacyOffer: 'legacy',
  /** Offer: its cancel operation is answered wrapped in an array, as the "Retrieve operations" page shows. */
  listedOffer: 'list',
} as const;

/** The documented, obviously fake key of the default Batch account (base64 of a sentence saying so). */
export const EMULATOR_BATCH_ACCOUNT_KEY =
  'YXpscm8tZW11bGF0b3IgZmFrZSBCYXRjaCBhY2NvdW50IGtleTogTk9UIEEgU0VDUkVULCBwdWJsaWMgb24gbnBt';

/** Sample values that drive each outcome; a CLI prints ready-to-paste commands from them. */
export const emulatorInfo = {
  /** Any UUID works; this one is the reference pages' own. */
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  /** Any valid resource group name works. */
  resourceGroupName: 'rg-azlro',
  /** The region in every ARM polling URL the emulator hands out. */
  location: 'eastus',
  /** AKS cluster names (`resourceName`), one per abort outcome. */
  clusters: {
    /** Any name not listed below: an upgrade is running; abort answers 202 and cancels it. */
    abortAccepted: 'aks-demo',
    /** Abort answers 204: nothing to abort. */
    nothingToAbort: 'idle-aks',
    /** Abort answers 409: the operation finished first. */
    abortConflict: 'finished-aks',
    /** Abort and command results answer 404. */
    notFound: 'missing-aks',
  },
  /** AKS node pool names (`agentPoolName`), one per node-pool abort outcome. */
  agentPools: {
    /** Any pool name not listed below, on any cluster but `missing…`: a node-image upgrade is running; abort answers 202 and cancels it (a second abort once canceled: 409). */
    abortAccepted: 'nodepool1',
    /** Abort answers 204: nothing runs on the pool. */
    nothingToAbort: 'idlepool',
    /** Abort answers 409: the upgrade finished first. */
    abortConflict: 'finishedpool',
  },
  /**
   * Run command (`POST …/runCommand`): the command "runs" for `timings.commandInMs`, or N seconds
   * of the emulator's time when it contains `sleep N`; it exits with N when it contains `exit N`
   * (else 0); its logs echo the command and list the files it received in `context`.
   */
  runCommand: {
    /** Succeeds, exit code 0. */
    succeeds: 'kubectl get pods -A',
    /** Runs 12 minutes of the emulator's time. */
    twelveMinutes: 'sleep 720 && kubectl get nodes',
    /** Exits 3 (provisioningState still `succeeded`: the command ran). */
    exitsNonZero: 'kubectl get pods -n nope; exit 3',
  },
  /** Command ids for Get Command Result (`commandId`), one per outcome. */
  commands: {
    /** Runs for `timings.commandInMs`, then succeeds with exit code 0. */
    succeeds: 'cmd-0123456789abcdef',
    /** Runs for `timings.commandInMs`, then fails with a reason. */
    fails: 'fail-0123456789abcdef',
  },
  /** The Batch account and certificate thumbprints. */
  batch: {
    /** The default Shared Key account. */
    accountName: 'azlroemulator',
    /** Its key: fake, fixed and public. */
    accountKey: EMULATOR_BATCH_ACCOUNT_KEY,
    /** SHA1 thumbprints (40 hex digits), one per cancel-deletion outcome. */
    thumbprints: {
      /** Cancel deletion answers 204. */
      canceled: '0123456789abcdef0123456789abcdef01234567',
      /** Cancel deletion answers 400 `CertificateRetired`. */
      retired: 'dead456789abcdef0123456789abcdef01234567',
      /** Cancel deletion answers 409 `CertificateStateActive`: the certificate is active, there is no failed deletion to cancel. */
      active: '4093456789abcdef0123456789abcdef01234567',
      /** Cancel deletion answers 404 `CertificateNotFound`. */
      notFound: '4043456789abcdef0123456789abcdef01234567',
    },
  },
  /** Cloud Partner Portal sample names. */
  cloudPartner: {
    /** Any publisher id works. */
    publisherId: 'contoso',
    /** Offer ids (`offerId`), one per cancel outcome. */
    offers: {
      /** 202 with a migrated-offer `Location`; the operation runs for `timings.offerCancelInMs`. */
      accepted: 'contoso-offer',
      /** 200: canceled at once. */
      synchronous: 'sync-offer',
      /** 202 with the legacy `Location` form `/api/operations/{publisher}${offer}$2$preview`. */
      legacy: 'legacy-offer',
      /** 202 like `accepted`, but the operation resource answers `[operation]`, as the "Retrieve operations" page's example. */
      listed: 'list-offer',
      /** 404. */
      notFound: 'missing-offer',
    },
  },
} as const;

/** {@link emulatorInfo} plus where a running emulator listens and its actual Batch account. */
export interface EmulatorInfo extends Omit<typeof emulatorInfo, 'batch'> {
  /** Where each service listens. */
  readonly endpoints: EmulatorEndpoints;
  /** The sample thumbprints and the first account of `batchAccounts` (by default `azlroemulator`). */
  readonly batch: Omit<typeof emulatorInfo.batch, 'accountName' | 'accountKey'> & {
    /** The Batch account name to sign Shared Key requests with. */
    readonly accountName: string;
    /** Its base64 key. */
    readonly accountKey: string;
  };
}
