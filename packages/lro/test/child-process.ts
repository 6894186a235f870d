import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles a test fixture from TypeScript source (the `@azlro/source` condition, so no dist/ is
 * needed) into a temporary directory; returns the script path and a cleanup.
 */
export async function bundleFixture(name: string): Promise<{ script: string; remove: () => void }> {
  // Inside the workspace, so what the bundle loads at run time (undici's agent) resolves from node_modules.
  const cache = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'azlro-lro-'));
  const script = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url))],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['@azlro/source'],
    logLevel: 'silent',
  });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One line a child printed, with when the parent read it (`performance.now()`). */
export interface TimedLine {
  text: string;
  at: number;
}

/** What a finished child did. */
export interface ChildRun {
  lines: TimedLine[];
  stderr: string;
  code: number | null;
  /** `performance.now()` when the child exited. */
  exitedAt: number;
}

/** Runs `node script ...args` and records each stdout line as it arrives. Kills it after `limitInMs`. */
export function runChild(script: string, args: string[], env: Record<string, string> = {}, limitInMs = 10_000): Promise<ChildRun> {
  // NODE_EXTRA_CA_CERTS slows every Node start on this machine and is not needed on loopback.
  const { NODE_EXTRA_CA_CERTS: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [script, ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  let pending = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const at = performance.now();
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const text of parts) lines.push({ text, at });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), limitInMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ lines, stderr, code, exitedAt: performance.now() });
    });
  });
}
