import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AzlroLogger } from '@azlro/http';
import { createLogger, redactingLogger } from '@azlro/http/internal';
import { startBackend } from './backend/server.js';
import { startFrontDoor, type FrontDoor } from './front-door.js';
import { emulatorInfo, type EmulatorEndpoints, type EmulatorInfo, type EmulatorService } from './info.js';
import { resolveOptions, type StartEmulatorOptions } from './options.js';
import { startPrism } from './prism.js';
import { SPEC_FILES, specsDirectory } from './specs.js';

/** A running emulator; see {@link startEmulator}. */
export interface RunningEmulator {
  /** The ARM endpoint, the one most commands use (same as `endpoints.arm`). */
  readonly url: string;
  /**
   * Each service's public origin: a front door that folds path case as ARM does, in front of a
   * Prism proxy validating every request and answer against that service's spec.
   */
  readonly endpoints: EmulatorEndpoints;
  /** The endpoints plus the sample names that drive each outcome, for printing commands. */
  readonly info: EmulatorInfo;
  /** Wall-clock time `startEmulator` took, in milliseconds. */
  readonly startupInMs: number;
  /**
   * The Prism proxies, one per service, behind the front doors (`url`), and the backend behind
   * them all (`upstream`): both unchecked by the front door's path folding, for diagnosing only.
   */
  readonly proxies: readonly {
    /** Which service this Prism proxy checks. */
    readonly service: EmulatorService;
    /** The Prism proxy's own base URL (behind the front door). */
    readonly url: string;
    /** The backend's base URL, which every proxy forwards to. */
    readonly upstream: string;
  }[];
  /** Forgets every cluster abort, command and offer operation, as if freshly started. */
  reset(): void;
  /** Stops the front doors, the Prism servers and the backend; resolves when every port is closed. Idempotent. */
  close(): Promise<void>;
}

/** ARM first, so that `port`, `port + 1`, `port + 2` are ARM, Cloud Partner, Batch. */
const SERVICES: readonly EmulatorService[] = ['arm', 'cloudPartner', 'batch'];

/** The caller's logger, behind redaction; else the `azlro:emulator` logger (off unless a log level is set). */
function emulatorLogger(logger: AzlroLogger | undefined): AzlroLogger {
  if (!logger) return createLogger('azlro:emulator');
  return redactingLogger(logger);
}

/**
 * Starts the emulator on 127.0.0.1: a stateful backend, and in front of it one Prism proxy per
 * service (in this process, started in parallel), each validating every request and response against that
 * service's spec and turning any violation into an error response.
 *
 * @example
 * const emulator = await startEmulator({ timings: { abortInMs: 300 } });
 * const client = createContainerServiceClient({ endpoint: emulator.endpoints.arm, credential });
 * await emulator.close();
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const startedAt = performance.now();
  const settings = resolveOptions(options);
  settings.abortSignal?.throwIfAborted();
  const specs = specsDirectory();
  const logger = emulatorLogger(settings.logger);
  const { clock } = settings;
  const backend = await startBackend({ ...settings, logger, now: () => clock.epochNow() });

  const attempts = await Promise.allSettled(
    SERVICES.map(async (service, index) => {
      const spec = join(specs, SPEC_FILES[service]);
      const proxy = await startPrism({
        spec,
        upstream: backend.url,
        startTimeoutInMs: settings.startTimeoutInMs,
        abortSignal: settings.abortSignal,
      });
      let door: FrontDoor;
      try {
        door = await startFrontDoor({ upstream: proxy.url, spec, port: settings.port === 0 ? 0 : settings.port + index, tls: settings.tls });
      } catch (error) {
        await proxy.close();
        throw error;
      }
      backend.setPublicOrigin(service, door.url);
      return { service, proxy, door };
    }),
  );
  const started = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  const failure = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
  const stop = async () => {
    await Promise.all(started.map(({ door }) => door.close()));
    await Promise.all(started.map(({ proxy }) => proxy.close()));
    await backend.close();
  };
  if (failure) {
    await stop();
    throw failure.reason;
  }

  const origins = new Map<EmulatorService, string>(started.map(({ service, door }) => [service, door.url]));
  const endpoints: EmulatorEndpoints = {
    arm: origins.get('arm')!,
    cloudPartner: origins.get('cloudPartner')!,
    batch: origins.get('batch')!,
  };
  const account = settings.batchAccounts[0]!;
  let closing: Promise<void> | undefined;
  const startupInMs = Math.round(performance.now() - startedAt);
  logger.info(`emulator ready in ${startupInMs} ms: ARM ${endpoints.arm}, Cloud Partner ${endpoints.cloudPartner}, Batch ${endpoints.batch}`);

  return {
    url: endpoints.arm,
    endpoints,
    info: { ...emulatorInfo, endpoints, batch: { ...emulatorInfo.batch, accountName: account.name, accountKey: account.key } },
    startupInMs,
    proxies: started.map(({ service, proxy }) => ({ service, url: proxy.url, upstream: backend.url })),
    reset: () => backend.reset(),
    close: () => (closing ??= stop()),
  };
}
