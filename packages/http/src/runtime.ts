interface ProcessLike {
  env?: Record<string, string | undefined>;
  version?: string;
  versions?: { node?: string };
}

/** `process` where there is one (Node); browsers have none, so never touch the global directly. */
function getProcess(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

/** An environment variable's value, or undefined where there is no environment. */
export function readEnv(name: string): string | undefined {
  return getProcess()?.env?.[name];
}

/** `v20.20.2` under Node (or a runtime that claims Node compatibility); undefined in browsers. */
export function nodeVersion(): string | undefined {
  const proc = getProcess();
  return proc?.versions?.node ? proc.version : undefined;
}
