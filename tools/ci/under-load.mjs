#!/usr/bin/env node
// Runs the test suite (or any command) while CPU-bound busy loops compete for the cores, so anyone
// can reproduce a busy CI machine: `npm run test:under-load` runs `npm test` beside two busy loops.
//
//   npm run test:under-load                                   # npm test, 2 busy loops
//   npm run test:under-load -- --busy 4                       # 4 busy loops
//   npm run test:under-load -- -- npx nx run-many -t test -p @azlro/lro   # any command
//
// The nx cache is skipped (NX_SKIP_NX_CACHE=true), or a cached run would prove nothing. The busy
// loops are this script's own children and are stopped (by pid) however the command ends.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const options = separator < 0 ? argv : argv.slice(0, separator);
const command = separator < 0 ? ['npm', 'test'] : argv.slice(separator + 1);
const busyAt = options.indexOf('--busy');
const busy = busyAt < 0 ? 2 : Number(options[busyAt + 1]);
if (!Number.isInteger(busy) || busy < 0 || command.length === 0) {
  console.error('usage: under-load.mjs [--busy N] [-- command args...]   (default: --busy 2 -- npm test)');
  process.exit(2);
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
// One core each, for as long as the command runs.
const loops = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoops = () => loops.forEach((loop) => loop.exitCode === null && loop.kill('SIGKILL'));
process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopLoops(), process.exit(130)));

console.log(`under-load: ${busy} busy loop(s) (pids ${loops.map((l) => l.pid).join(', ')}); load average ${load()}; running: ${command.join(' ')}`);
const started = performance.now();
const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, NX_SKIP_NX_CACHE: 'true', NX_TUI: 'false', NX_DAEMON: 'false' } });
const code = await new Promise((resolve) => child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
stopLoops();
console.log(`under-load: ${command.join(' ')} exited ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s beside ${busy} busy loop(s); load average at the end ${load()}`);
process.exit(code);
