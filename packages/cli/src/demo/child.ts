import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How a child `azlro` process ended. */
export interface ChildRun {
  pid: number | undefined;
  exitCode: number | null;
  stdout: string;
  durationInMs: number;
}

/** This package's own binary, next to the built demo (dist/demo → dist/bin.js). */
const BIN = fileURLToPath(new URL('../bin.js', import.meta.url));

/**
 * Runs `azlro <args>` as a separate Node process (the demo's proof that a resume token carries
 * everything but the credential). Its stderr is handed over line by line.
 */
export function runAzlro(
  args: readonly string[],
  options: { env: Record<string, string | undefined>; onStderrLine: (line: string, pid: number | undefined) => void; signal?: AbortSignal },
): Promise<ChildRun> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGINT' as const } : {}),
    });
    let stdout = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine(line, child.pid);
    });
    child.on('error', (error) => {
      if ((error as Error).name !== 'AbortError') reject(error);
    });
    child.on('close', (exitCode) => {
      if (pending) options.onStderrLine(pending, child.pid);
      resolve({ pid: child.pid, exitCode, stdout, durationInMs: performance.now() - startedAt });
    });
  });
}
