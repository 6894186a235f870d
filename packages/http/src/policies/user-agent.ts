import type { PipelinePolicy } from '../pipeline-request.js';
import { nodeVersion } from '../runtime.js';

/** Identifies the client package in telemetry. */
export interface UserAgentOptions {
  /** Short package name, e.g. `containerservice` (sent as `azlro-containerservice`). */
  packageName: string;
  /** The package's version, e.g. `0.1.0`. */
  packageVersion: string;
  /** Prepended, separated by a space, e.g. an application's own name/version. @default none */
  prefix?: string;
}

/** `[prefix ]azlro-<packageName>/<packageVersion>[ Node/<version>]`. */
export function userAgentValue(options: UserAgentOptions): string {
  const node = nodeVersion();
  const base = `azlro-${options.packageName}/${options.packageVersion}${node ? ` Node/${node}` : ''}`;
  return options.prefix ? `${options.prefix} ${base}` : base;
}

/** Sends the user agent as `User-Agent` in Node; browsers forbid that header, so there it is `x-ms-useragent`. */
export function userAgentPolicy(options: UserAgentOptions): PipelinePolicy {
  const value = userAgentValue(options);
  const header = nodeVersion() ? 'user-agent' : 'x-ms-useragent';
  return (request, next) => {
    if (!request.headers.has(header)) request.headers.set(header, value);
    return next(request);
  };
}
