// The CLI as az users' hands expect it, run as a real process against real loopback servers:
// per-command help, the subscription default, -o/--query, did-you-mean, completion, and input that
// is never echoed raw.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { TestServer } from '@azlro/test-server';
import { expectExit, expectNoSecrets, runCli, serverPerTest, spawnCli, SUBSCRIPTION } from './helpers.js';

const OTHER_SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const abortPath = (subscription: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/c1/abort`;
const STATUS_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op-1`;

const server = serverPerTest();
const dirs: string[] = [];
/** An empty Azure CLI config folder (never the real ~/.azure), with `files` in it. */
function configDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'azlro-azure-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A server where the abort answers 204 (nothing to abort) at once: one request, succeeded. */
async function abortServer(subscription = SUBSCRIPTION): Promise<TestServer> {
  const s = await server();
  s.route('POST', abortPath(subscription), { status: 204, headers: { 'x-ms-request-id': 'req-204' } });
  return s;
}
const target = (s: TestServer) => ['aks', 'abort', '--endpoint', s.url, '-g', 'rg1', '-n', 'c1'];
/** No subscription from anywhere but what a test gives: an empty config folder. */
const noProfile = () => ({ AZURE_CONFIG_DIR: configDir(), HOME: configDir() });

describe.concurrent('help', () => {
  test('each command and group has its own page, with flags, environment variables and examples', async () => {
    const [global, command, viaHelp, group, groupHelp, wait] = await Promise.all([
      runCli(['--help']), runCli(['aks', 'abort', '--help']), runCli(['help', 'aks', 'abort']), runCli(['aks']), runCli(['aks', '--help']), runCli(['wait', '-h']),
    ]);
    for (const run of [global, command, viaHelp, group, groupHelp, wait]) {
      expectExit(run, 0);
      expect(run.stderr).toBe('');
    }
    expect(command.stdout).not.toBe(global.stdout);
    expect(viaHelp.stdout).toBe(command.stdout);
    expect(command.stdout).toMatch(/^azlro aks abort: /);
    expect(command.stdout).toMatch(/-g, --resource-group <name>/);
    expect(command.stdout).toMatch(/--subscription <uuid>[\s\S]*env: AZURE_SUBSCRIPTION_ID/);
    expect(command.stdout).not.toMatch(/--command-id/); // another command's flag
    expect(command.stdout.match(/^ {2}azlro aks abort /gm)?.length).toBeGreaterThanOrEqual(2); // examples
    expect(group.stdout).toMatch(/^azlro aks: /);
    expect(groupHelp.stdout).toBe(group.stdout);
    expect(group.stdout).toMatch(/aks command-result/);
    expect(group.stdout).not.toMatch(/partner cancel/);
    expect(wait.stdout).toMatch(/^azlro wait: [\s\S]*Usage: azlro wait <resume-token>/);
    // The global page lists the groups and every command.
    expect(global.stdout).toMatch(/Groups:\n {2}aks +Azure Kubernetes Service/);
    for (const name of ['aks abort', 'aks command-result', 'batch cancel-certificate-deletion', 'partner cancel', 'wait', 'emulator', 'demo', 'completion']) {
      expect(global.stdout).toContain(`  ${name}`);
    }
  });
});

describe.concurrent('the subscription, as az finds it', () => {
  test('AZURE_SUBSCRIPTION_ID, nothing else given; --verbose says where it came from', async () => {
    const s = await abortServer(OTHER_SUBSCRIPTION);
    const run = await runCli([...target(s), '--verbose', '-o', 'json'], { env: { ...noProfile(), AZURE_SUBSCRIPTION_ID: OTHER_SUBSCRIPTION } });
    expectExit(run, 0);
    expect(s.requests.map((r) => r.path)).toEqual([abortPath(OTHER_SUBSCRIPTION)]);
    expect(run.stderr).toContain(`subscription ${OTHER_SUBSCRIPTION}, from AZURE_SUBSCRIPTION_ID`);
  });

  test("the Azure CLI profile's default subscription (a file with az's byte order mark), nothing else given", async () => {
    const s = await abortServer(OTHER_SUBSCRIPTION);
    const profile = {
      installationId: 'x',
      subscriptions: [
        { id: SUBSCRIPTION, name: 'not this one', isDefault: false, state: 'Enabled' },
        { id: OTHER_SUBSCRIPTION, name: 'Contoso Dev', isDefault: true, state: 'Enabled', user: { name: 'a@contoso.com', type: 'user' } },
      ],
    };
    const dir = configDir({ 'azureProfile.json': `\uFEFF${JSON.stringify(profile)}` });
    const run = await runCli([...target(s), '--verbose'], { env: { AZURE_CONFIG_DIR: dir } });
    expectExit(run, 0);
    expect(s.requests.map((r) => r.path)).toEqual([abortPath(OTHER_SUBSCRIPTION)]);
    expect(run.stderr).toContain(`from the Azure CLI's default subscription "Contoso Dev" in ${join(dir, 'azureProfile.json')}`);
  });

  test('--subscription wins over both; none anywhere is exit 2 saying how to give one, nothing sent', async () => {
    const s = await abortServer();
    const dir = configDir({ 'azureProfile.json': JSON.stringify({ subscriptions: [{ id: OTHER_SUBSCRIPTION, isDefault: true }] }) });
    const [given, none] = await Promise.all([
      runCli([...target(s), '--subscription', SUBSCRIPTION], { env: { AZURE_CONFIG_DIR: dir, AZURE_SUBSCRIPTION_ID: OTHER_SUBSCRIPTION } }),
      runCli(target(s), { env: noProfile() }),
    ]);
    expectExit(given, 0);
    expectExit(none, 2);
    expect(none.stderr).toMatch(/--subscription is required: pass it, set AZURE_SUBSCRIPTION_ID, or choose a default with `az login`/);
    expect(s.requests.map((r) => r.path)).toEqual([abortPath(SUBSCRIPTION)]);
  });

  test('a bad value names where it came from: the flag as typed, or the variable', async () => {
    const s = await server();
    const [flag, variable, shortName] = await Promise.all([
      runCli([...target(s), '--subscription', '1234']),
      runCli(target(s), { env: { ...noProfile(), AZURE_SUBSCRIPTION_ID: 'nope' } }),
      runCli(['aks', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'bad name']),
    ]);
    for (const run of [flag, variable, shortName]) expectExit(run, 2);
    expect(flag.stderr).toMatch(/^azlro: error: --subscription must be a subscription id \(a UUID/);
    expect(variable.stderr).toMatch(/^azlro: error: AZURE_SUBSCRIPTION_ID must be a subscription id/);
    expect(shortName.stderr).toMatch(/^azlro: error: -n must be 1-63 letters/); // the library's check, in the user's words
    for (const run of [flag, variable, shortName]) {
      expect(run.stderr).not.toMatch(/subscriptionId|resourceName/);
      expect(run.stderr.match(/--help/g)).toHaveLength(1); // one hint
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe.concurrent('--output and --query', () => {
  test('-o tsv --query status prints exactly the status', async () => {
    const s = await abortServer();
    const run = await runCli([...target(s), '--subscription', SUBSCRIPTION, '-o', 'tsv', '--query', 'status']);
    expectExit(run, 0);
    expect(run.stdout).toBe('succeeded\n');
  });

  test('-o table, yaml, jsonc, none; --query alone means JSON', async () => {
    const s = await abortServer();
    const base = [...target(s), '--subscription', SUBSCRIPTION];
    const [table, yaml, jsonc, none, query] = await Promise.all([
      runCli([...base, '-o', 'table']), runCli([...base, '--output=yaml']), runCli([...base, '-o', 'jsonc']), runCli([...base, '-o', 'none']),
      runCli([...base, '--query', '{s: status, id: requestId}']),
    ]);
    for (const run of [table, yaml, jsonc, none, query]) expectExit(run, 0);
    // Read the table by the columns its rule of dashes marks out.
    const [header, rule, row, end] = table.stdout.split('\n');
    expect(rule).toMatch(/^-+( {2}-+)+$/);
    expect(end).toBe('');
    const cells = (line: string) => [...rule!.matchAll(/-+/g)].map((m) => line.slice(m.index, m.index + m[0].length).trim());
    const columns = Object.fromEntries(cells(header!).map((name, i) => [name, cells(row!)[i]]));
    expect(columns).toMatchObject({ Operation: 'aks abort', Status: 'succeeded', ExitCode: '0', RequestId: 'req-204', Requests: '1' });
    expect(parseYaml(yaml.stdout)).toMatchObject({ operation: 'aks abort', status: 'succeeded', exitCode: 0, requestId: 'req-204' });
    expect(JSON.parse(jsonc.stdout)).toMatchObject({ status: 'succeeded' }); // not a terminal: no colour
    expect(none.stdout).toBe('');
    expect(JSON.parse(query.stdout)).toEqual({ s: 'succeeded', id: 'req-204' });
  });

  test('a pipeline as in the help: --no-wait -o tsv --query resumeToken, then wait on that token', async () => {
    const s = await server();
    s.route('POST', abortPath(SUBSCRIPTION), { status: 202, headers: { 'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2024-02-01` } });
    s.route('GET', STATUS_PATH, { status: 200, json: { status: 'Succeeded' } });
    const started = await runCli([...target(s), '--subscription', SUBSCRIPTION, '--no-wait', '-o', 'tsv', '--query', 'resumeToken']);
    expectExit(started, 0);
    expect(started.stdout).toMatch(/^[\w-]{100,}\n$/); // the token alone
    const waited = await runCli(['wait', started.stdout.trim(), '--endpoint', s.url, '-o', 'tsv', '--query', 'status']); // loopback: confirmed (issue 10 item 7)
    expectExit(waited, 0);
    expect(waited.stdout).toBe('succeeded\n');
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  test('AZURE_CORE_OUTPUT is the default format; a bad --query or format is exit 2 before anything is sent', async () => {
    const s = await abortServer();
    const base = [...target(s), '--subscription', SUBSCRIPTION];
    const [fromEnv, badQuery, badFormat] = await Promise.all([
      runCli([...base, '--query', 'requestId'], { env: { AZURE_CORE_OUTPUT: 'tsv' } }),
      runCli([...base, '--query', 'status[']),
      runCli([...base, '-o', 'tabel']),
    ]);
    expectExit(fromEnv, 0);
    expect(fromEnv.stdout).toBe('req-204\n');
    expectExit(badQuery, 2);
    expect(badQuery.stderr).toMatch(/--query is not valid JMESPath/);
    expectExit(badFormat, 2);
    expect(badFormat.stderr).toMatch(/-o must be one of text, json, jsonc, yaml, yamlc, table, tsv, none; got "tabel"; did you mean "table"\?/);
    expect(s.requests).toHaveLength(1); // the first run's only
  });
});

describe.concurrent('mistakes: a suggestion, exit 2, nothing sent', () => {
  test.each([
    ['a misspelt flag', ['--nmae', 'c2'], /unknown option "--nmae" for aks abort; did you mean "--name"\?\nRun `azlro aks abort --help` for usage\.\n$/],
    ['a misspelt command', ['--subscription', SUBSCRIPTION], /unknown command "aks abrot"; did you mean "aks abort"\?\nRun `azlro aks --help` for usage\.\n$/, ['aks', 'abrot']],
    ['a repeated flag', ['-n', 'clusterB', '--subscription', SUBSCRIPTION], /--name was given 2 times \("c1", "clusterB"\); it takes one value/],
  ])('%s', async (_name, extra, message, words = ['aks', 'abort']) => {
    const s = await server();
    const run = await runCli([...words, '--endpoint', s.url, '-g', 'rg1', '-n', 'c1', ...extra]);
    expectExit(run, 2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^azlro: error: /);
    expect(run.stderr).toMatch(message);
    expect(s.requests).toHaveLength(0);
  });

  test('a repeatable flag may repeat: --notification-emails twice reaches the service as one list', async () => {
    const s = await server();
    s.route('POST', '/api/publishers/contoso/offers/o1/cancel', { status: 200 });
    const run = await runCli(['partner', 'cancel', '--endpoint', s.url, '--publisher', 'contoso', '--offer', 'o1', '--notification-emails', 'a@x.com', '--notification-emails', 'b@y.com,c@z.com']);
    expectExit(run, 0);
    expect(JSON.parse(s.requests[0]!.body)).toEqual({ metadata: { 'notification-emails': 'a@x.com,b@y.com,c@z.com' } });
  });

  test('control characters in what is echoed are escaped, and --endpoint user-info is never printed', async () => {
    const s = await server();
    const title = '\x1b]0;pwned\x07';
    const endpointWithPassword = s.url.replace('http://', 'http://admin:hunter2-secret@');
    const [option, value, userinfo, userinfoJson] = await Promise.all([
      runCli(['aks', 'abort', `--${title}`]),
      runCli([...target(s), '--subscription', `x${title}`]),
      runCli(['aks', 'abort', '--endpoint', endpointWithPassword, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--verbose']),
      runCli(['partner', 'cancel', '--endpoint', endpointWithPassword, '--publisher', 'p', '--offer', 'o', '--debug', '-o', 'json']),
    ]);
    for (const run of [option, value]) {
      expectExit(run, 2);
      expect(run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // nothing raw but newlines
      expect(run.stderr).toContain('\\x1b]0;pwned\\x07');
    }
    for (const run of [userinfo, userinfoJson]) {
      expectExit(run, 2);
      expect(run.stdout + run.stderr).not.toContain('hunter2');
      expect(run.stdout + run.stderr).toMatch(/--endpoint must not contain a user name or password/);
    }
    expect(s.requests).toHaveLength(0);
  });
});

describe.concurrent('logging flags', () => {
  test('--debug shows each exchange with its headers, the credential redacted', async () => {
    const s = await abortServer();
    const run = await runCli([...target(s), '--subscription', SUBSCRIPTION, '--debug', '-o', 'none']);
    expectExit(run, 0);
    expect(run.stderr).toMatch(/debug: #1 --> POST http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/abort\?api-version=/);
    expect(run.stderr).toMatch(/^ {4}authorization: REDACTED$/m);
    expect(run.stderr).toMatch(/^ {4}user-agent: azlro-cli\//m);
    expect(run.stderr).toMatch(/debug: #1 <-- 204 [^\n]*\n(?: {4}.*\n)*? {4}x-ms-request-id: req-204\n/);
    expectNoSecrets(run);
  });

  test('--only-show-errors: no progress or hints on stderr; errors still', async () => {
    const s = await server();
    s.route('POST', abortPath(SUBSCRIPTION), {
      status: 202, headers: { 'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2024-02-01`, 'retry-after-ms': '10' },
    });
    s.route('GET', STATUS_PATH, [{ status: 200, json: { status: 'InProgress' } }, { status: 200, json: { status: 'Succeeded' } }]);
    const [quiet, failing] = await Promise.all([
      runCli([...target(s), '--subscription', SUBSCRIPTION, '--only-show-errors']),
      runCli(['aks', 'abort', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--endpoint', 'http://127.0.0.1:2', '--only-show-errors']),
    ]);
    expectExit(quiet, 0);
    expect(quiet.stdout).toMatch(/✔ aks abort succeeded/);
    expect(quiet.stderr).toBe('');
    expectExit(failing, 3);
    expect(failing.stderr).toMatch(/ECONNREFUSED/);
  });
});

describe.concurrent('resume token and completion', () => {
  test('after Ctrl-C the resume token is printed once', async () => {
    const s = await server();
    s.route('POST', abortPath(SUBSCRIPTION), { status: 202, headers: { 'azure-asyncoperation': `${s.url}${STATUS_PATH}?api-version=2024-02-01` } });
    s.route('GET', STATUS_PATH, { status: 200, headers: { 'retry-after-ms': '20' }, json: { status: 'InProgress' } });
    const cli = spawnCli([...target(s), '--subscription', SUBSCRIPTION]);
    while (s.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expectExit(run, 130);
    const token = /continue with: azlro wait (\S+)/.exec(run.stdout)?.[1];
    expect(token?.length).toBeGreaterThan(100);
    expect((run.stdout + run.stderr).split(token!).length - 1).toBe(1);
  });

  test('completion scripts: bash and zsh parse, and bash completes commands, flags and values', async () => {
    const [bash, zsh, fish, wrong] = await Promise.all([
      runCli(['completion', 'bash']), runCli(['completion', 'zsh']), runCli(['completion', 'fish']), runCli(['completion', 'bsh']),
    ]);
    for (const run of [bash, zsh, fish]) expectExit(run, 0);
    expectExit(wrong, 2);
    expect(wrong.stderr).toMatch(/did you mean "bash"\?/);
    const dir = configDir({ 'azlro.bash': bash.stdout, '_azlro': zsh.stdout, 'azlro.fish': fish.stdout });
    expect(spawnSync('bash', ['-n', join(dir, 'azlro.bash')]).status).toBe(0);
    expect(zsh.stdout).toContain(bash.stdout.replace(/\ncomplete -o default -F _azlro azlro\n$/, '')); // the same function, under bashcompinit
    for (const [shell, file] of [['zsh', '_azlro'], ['fish', 'azlro.fish']] as const) {
      const check = spawnSync(shell, ['-n', join(dir, file)]);
      if (!check.error) expect(check.status).toBe(0); // when that shell is installed
    }
    const fishCompletes = spawnSync('fish', ['-c', `source ${join(dir, 'azlro.fish')}; complete -C 'azlro aks ab'`], { encoding: 'utf8' });
    if (!fishCompletes.error) expect(fishCompletes.stdout).toMatch(/^abort\t/);
    const complete = (line: string) =>
      execFileSync('bash', ['-c', `source "$1"; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _azlro; printf '%s\\n' "\${COMPREPLY[@]}"`, 'complete', join(dir, 'azlro.bash')], { encoding: 'utf8' })
        .trim().split('\n');
    expect(complete("azlro aks ab")).toEqual(['abort']);
    expect(complete("azlro help aks c")).toEqual(['command-result', 'command']);
    expect(complete("azlro aks nodepool ab")).toEqual(['abort']);
    expect(complete("azlro aks command invoke --fi")).toEqual(['--file']);
    expect(complete("azlro aks abort -g rg --res")).toEqual(['--resource-group']);
    expect(complete("azlro partner cancel -o ta")).toEqual(['table']);
    expect(complete("azlro ''")).toEqual(expect.arrayContaining(['aks', 'batch', 'partner', 'wait', 'completion']));
  });
});
