import { RESUME_CLUSTER } from '../commands/emulator.js';
import { formatDuration, plural } from '../style.js';
import { runAzlro } from './child.js';
import { DEMO_ACCESS_TOKEN, indent, type DemoSession } from './session.js';

/** A cluster of its own: the first step's cluster is canceled by now, so another abort there is a 409. */
const CLUSTER = RESUME_CLUSTER;

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The resume step: `--no-wait` in one `azlro` process, `azlro wait <token>` in another, so the
 * token demonstrably carries everything but the credential.
 */
export async function runResumeStep(session: DemoSession, heading: string): Promise<void> {
  const { ctx, info, style, say } = session;
  const { io } = ctx;
  const { endpoints, subscriptionId, resourceGroupName } = info;
  say();
  say(`${style.bold(heading)}  ${style.bold('Resume in another process: --no-wait, then azlro wait <token>')}`);
  const env = { ...io.env, AZLRO_ACCESS_TOKEN: DEMO_ACCESS_TOKEN, NO_COLOR: '1' };
  const forward = (line: string, pid: number | undefined) => {
    if (line.trim()) ctx.line.print(ctx.errStyle.dim(indent(`[process ${pid}] ${line}`)));
  };
  const options = { env, onStderrLine: forward, ...(io.signal ? { signal: io.signal } : {}) };
  const target = ['--endpoint', endpoints.arm, '--subscription', subscriptionId, '-g', resourceGroupName, '-n', CLUSTER];

  say(style.dim(indent(`$ azlro aks abort ${target.join(' ')} --no-wait -o json`)));
  const a = await runAzlro(['aks', 'abort', ...target, '--no-wait', '-o', 'json'], options);
  const started = parseJson(a.stdout);
  const token = typeof started?.resumeToken === 'string' ? started.resumeToken : undefined;
  if (io.signal?.aborted) session.interrupted = true;
  if (!token) {
    say(indent(`${style.red('✖')} process ${a.pid} exited ${a.exitCode} without a resume token`));
    session.summaries.push({
      step: 'Resume in another process', operation: 'aks abort', status: 'failed', exitCode: a.exitCode ?? 1, expected: false,
      requests: String(started?.requests ?? '?'), durationInMs: a.durationInMs, retryAfter: '—', retryAfterWaits: 0, retryAfterEarly: 0,
    });
    return;
  }
  const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
  say(indent(`${style.green('✔')} process ${a.pid} exited ${a.exitCode} after ${formatDuration(a.durationInMs)} (Node start-up included): ` +
    `accepted, ${plural(Number(started?.requests ?? 0), 'request')}`));
  say(indent(`resume token: ${token.length} characters of base64url JSON holding ${Object.keys(decoded).join(', ')}`));
  const leaked = token.includes(DEMO_ACCESS_TOKEN) || JSON.stringify(decoded).includes(DEMO_ACCESS_TOKEN);
  say(indent(leaked ? `${style.red('✖')} the bearer token is in it!` : `${style.green('✔')} checked: the bearer token is not in it; the next process brings its own credential`));

  say(style.dim(indent(`$ azlro wait ${token.slice(0, 24)}… --endpoint ${endpoints.arm} -o json`)));
  const b = await runAzlro(['wait', token, '--endpoint', endpoints.arm, '-o', 'json'], options);
  if (io.signal?.aborted) session.interrupted = true;
  const waited = parseJson(b.stdout);
  const ok = !leaked && b.exitCode === 0 && waited?.status === 'succeeded';
  say(indent(`${ok ? style.green('✔') : style.red('✖')} process ${b.pid} exited ${b.exitCode} after ${formatDuration(b.durationInMs)}: ` +
    `aks abort ${String(waited?.status ?? 'unknown')}, ${plural(Number(waited?.requests ?? 0), 'request')}, ` +
    `polling on from where process ${a.pid} stopped`));
  session.summaries.push({
    step: 'Resume in another process',
    operation: 'aks abort',
    status: (waited?.status as 'succeeded' | undefined) ?? 'failed',
    exitCode: b.exitCode ?? 1,
    expected: ok,
    requests: `${String(started?.requests ?? '?')} + ${String(waited?.requests ?? '?')}`,
    durationInMs: a.durationInMs + b.durationInMs,
    retryAfter: 'not measured',
    retryAfterWaits: 0,
    retryAfterEarly: 0,
  });
}
