import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * CPU (user + system, ms) of this process's children that have exited and been reaped, from
 * `/proc/self/stat` (fields 16 and 17, `cutime` and `cstime`, in clock ticks: USER_HZ, which is 100
 * on Linux for every architecture Node supports). The kernel keeps the sum in nanoseconds and
 * truncates it to ticks when read, so the difference of two reads is within ±10 ms of the truth and
 * the errors of many children average out. `undefined` where there is no /proc (not Linux).
 */
export function reapedChildrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The environment of every benchmark child: this one's, minus NODE_EXTRA_CA_CERTS (on this machine
 * it adds ~50-100 ms to each Node start) and NODE_OPTIONS, plus `extra`. Workers that talk https
 * get NODE_EXTRA_CA_CERTS back through `extra`, pointing at the throwaway CA alone, for both sides alike.
 */
export function childEnv(extra = {}) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

/**
 * Runs `node ...args` to completion within `timeoutInMs` and resolves with its exit code, output,
 * wall time (spawn to exit, as measured here) and `cpuMs`, the child's CPU from
 * {@link reapedChildrenCpuMs} (undefined off Linux; meaningful only when no other child of this
 * process exits meanwhile). A child that overstays is killed by its pid.
 */
export function runNode(args, { env = childEnv(), cwd, timeoutInMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const cpuBefore = reapedChildrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} took longer than ${timeoutInMs} ms; killed\n${stderr}`));
    }, timeoutInMs);
    let ms;
    let cpuMs;
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    // Timed at 'exit' (the process is gone and reaped); resolved at 'close' (its output has all been read).
    child.on('exit', () => {
      ms = performance.now() - started;
      const cpuAfter = reapedChildrenCpuMs();
      cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: ms ?? performance.now() - started, cpuMs });
    });
  });
}

/** Runs a worker that prints one JSON line last; rejects with its stderr when it fails. */
export async function runJsonWorker(args, options) {
  const { code, stdout, stderr } = await runNode(args, options);
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').pop());
}

/**
 * Starts a long-lived worker with an IPC channel: `request(message)` sends one message and resolves
 * with the worker's answer carrying the same `id`, and when it arrived here (`performance.now()`,
 * the clock the benchmark server uses too). `close()` disconnects, which the worker exits on (it is
 * killed by its pid if it has not within 10 s).
 */
export function startIpcWorker(args, { env = childEnv(), timeoutInMs = 300_000 } = {}) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const pending = new Map();
  let nextId = 1;
  const fail = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  child.on('message', (message) => {
    const at = performance.now();
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    waiter.resolve({ ...message, at });
  });
  child.on('exit', (code) => fail(new Error(`worker ${args.join(' ')} exited ${code}:\n${stderr}`)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutInMs);
  return {
    ready: new Promise((resolve, reject) => {
      pending.set(0, { resolve, reject });
    }),
    request(message) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
    close() {
      clearTimeout(timer);
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.removeAllListeners('exit');
        child.once('exit', () => (clearTimeout(stuck), resolve()));
        if (child.connected) child.disconnect();
        else child.kill('SIGKILL');
      });
    },
  };
}
