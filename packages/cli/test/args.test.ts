import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCommand, UsageError } from '../src/args.js';
import { COMMAND_SPECS } from '../src/spec.js';
import { suggestion } from '../src/suggest.js';

/** Shell words of a simple command line: quotes kept together, `VAR=value` prefixes and redirections dropped. */
function shellWords(line: string): string[] {
  const words = [...line.matchAll(/"[^"]*"|'[^']*'|\S+/g)].map(([word]) => word.replace(/^(["'])(.*)\1$/, '$2'));
  while (words[0] !== undefined && /^[A-Z_]+=/.test(words[0])) words.shift();
  const redirect = words.findIndex((word) => /^[>|]/.test(word));
  return redirect === -1 ? words : words.slice(0, redirect);
}

const sub = '00000000-0000-0000-0000-000000000000';

describe('parseCommand', () => {
  test('aks abort with long and short options', () => {
    const command = parseCommand(['aks', 'abort', '--subscription', sub, '-g', 'rg1', '-n', 'c1', '-o', 'json', '--timeout', '1.5'], {});
    expect(command).toMatchObject({
      name: 'aks abort',
      subscriptionId: sub,
      resourceGroupName: 'rg1',
      resourceName: 'c1',
      options: { output: 'json', timeoutInMs: 1500, noWait: false, verbose: false },
    });
  });

  test('credentials come from flags first, then the environment', () => {
    const env = { AZLRO_ACCESS_TOKEN: 'from-env', AZ_BATCH_ACCOUNT: 'acct', AZ_BATCH_ACCESS_KEY: 'a2V5' };
    const args = ['batch', 'cancel-certificate-deletion', '--account-endpoint', 'https://a.b', '--thumbprint', 'f'.repeat(40)];
    expect(parseCommand(args, env).options).toMatchObject({ accessToken: 'from-env', accountName: 'acct', accountKey: 'a2V5' });
    expect(parseCommand([...args, '--access-token', 'flag'], env).options.accessToken).toBe('flag');
  });

  test('partner cancel splits the notification e-mails', () => {
    const command = parseCommand(['partner', 'cancel', '--publisher', 'p', '--offer', 'o', '--notification-emails', 'a@x, b@y'], {});
    expect(command).toMatchObject({ name: 'partner cancel', notificationEmails: ['a@x', 'b@y'] });
  });

  test('wait takes the token as its one positional argument', () => {
    expect(parseCommand(['wait', 'tok', '--no-wait'], {})).toMatchObject({ name: 'wait', resumeToken: 'tok', options: { noWait: true } });
    expect(() => parseCommand(['wait'], {})).toThrow(/resume token/);
  });

  test('common options may come before the command words', () => {
    expect(parseCommand(['-o', 'json', 'aks', '--verbose', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c'], {})).toMatchObject({
      name: 'aks abort', options: { output: 'json', verbose: true },
    });
    expect(parseCommand(['--timeout', '5', 'wait', 'tok'], {})).toMatchObject({ name: 'wait', resumeToken: 'tok', options: { timeoutInMs: 5000 } });
  });

  test('help and version, anywhere; help for a command or a group', () => {
    expect(parseCommand([], {})).toMatchObject({ name: 'help', topic: '' });
    expect(parseCommand(['--version'], {}).name).toBe('version');
    expect(parseCommand(['aks', 'abort', '--help'], {})).toMatchObject({ name: 'help', topic: 'aks abort' });
    expect(parseCommand(['aks', 'abort', '--nmae', 'x', '-h'], {})).toMatchObject({ name: 'help', topic: 'aks abort' });
    expect(parseCommand(['help', 'partner', 'cancel'], {})).toMatchObject({ name: 'help', topic: 'partner cancel' });
    expect(parseCommand(['aks'], {})).toMatchObject({ name: 'help', topic: 'aks' });
  });

  test.each(COMMAND_SPECS.map((spec) => [spec.name, spec] as const))('%s: two or three examples in its help, each one parses as that command', (_name, spec) => {
    expect(spec.examples.length).toBeGreaterThanOrEqual(2);
    expect(spec.examples.length).toBeLessThanOrEqual(3);
    const lines = spec.examples.map((e) => shellWords(e.command)).filter((words) => words[0] === 'azlro');
    expect(lines.length).toBeGreaterThan(0);
    for (const words of lines) expect(parseCommand(words.slice(1), { AZURE_SUBSCRIPTION_ID: sub })).toMatchObject({ name: spec.name });
  });

  test('output: -o, else AZURE_CORE_OUTPUT, else json with --query, else text', () => {
    const args = ['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c'];
    expect(parseCommand([...args, '-o', 'yaml'], { AZURE_CORE_OUTPUT: 'table' }).options.output).toBe('yaml');
    expect(parseCommand(args, { AZURE_CORE_OUTPUT: 'table' }).options.output).toBe('table');
    expect(parseCommand([...args, '--query', 'status'], {}).options).toMatchObject({ output: 'json', query: 'status' });
    expect(parseCommand(args, {}).options.output).toBe('text');
  });

  test('the subscription: the flag, else AZURE_SUBSCRIPTION_ID, else the az profile; each recorded', () => {
    const other = '11111111-1111-1111-1111-111111111111';
    const dir = mkdtempSync(join(tmpdir(), 'azlro-args-'));
    try {
      writeFileSync(join(dir, 'azureProfile.json'), `\uFEFF${JSON.stringify({ subscriptions: [{ id: other, name: 'dev', isDefault: true }] })}`);
      const args = ['aks', 'abort', '-g', 'r', '-n', 'c'];
      expect(parseCommand([...args, '--subscription', sub], { AZURE_SUBSCRIPTION_ID: other })).toMatchObject({ subscriptionId: sub, givenAs: { subscription: '--subscription' } });
      expect(parseCommand(args, { AZURE_SUBSCRIPTION_ID: sub, AZURE_CONFIG_DIR: dir })).toMatchObject({ subscriptionId: sub, givenAs: { subscription: 'AZURE_SUBSCRIPTION_ID' } });
      expect(parseCommand(args, { AZURE_CONFIG_DIR: dir })).toMatchObject({ subscriptionId: other, givenAs: { subscription: expect.stringContaining('azureProfile.json') } });
      expect(() => parseCommand(args, { HOME: join(dir, 'nowhere') })).toThrow(/--subscription is required/);
      // A name, as az takes it, from the Azure CLI's list.
      expect(parseCommand([...args, '--subscription', 'DEV'], { AZURE_CONFIG_DIR: dir })).toMatchObject({
        subscriptionId: other, givenAs: { subscription: expect.stringMatching(/^--subscription "DEV", by name in .*azureProfile\.json$/) },
      });
      expect(() => parseCommand([...args, '--subscription', 'prod'], { AZURE_CONFIG_DIR: dir })).toThrow(/--subscription must be a subscription id .* or the name of one of the Azure CLI's subscriptions; got "prod"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a repeatable flag collects every value', () => {
    const command = parseCommand(['partner', 'cancel', '--publisher', 'p', '--offer', 'o', '--notification-emails', 'a@x', '--notification-emails', 'b@y,c@z'], {});
    expect(command).toMatchObject({ notificationEmails: ['a@x', 'b@y', 'c@z'] });
  });

  test('unknown words carry what they could have been, for "did you mean"', () => {
    const unknown = (argv: string[]) => {
      try {
        parseCommand(argv, {});
      } catch (error) {
        return error as UsageError;
      }
      throw new Error('no error');
    };
    const option = unknown(['aks', 'abort', '--nmae', 'c']);
    expect(option).toMatchObject({ topic: 'aks abort', unrecognised: [{ typed: '--nmae', candidates: expect.arrayContaining(['--name']) }] });
    expect(suggestion(option.unrecognised)).toBe('--name');
    expect(suggestion(unknown(['aks', 'abrot']).unrecognised)).toBe('aks abort');
    expect(suggestion(unknown(['partner', 'cancle']).unrecognised)).toBe('partner cancel');
    expect(suggestion(unknown(['wiat', 'tok']).unrecognised)).toBe('wait');
    expect(suggestion(unknown(['batch', 'cancel-certificate-deletion', '--endpoint', 'x']).unrecognised)).toBe('--account-endpoint');
    expect(suggestion(unknown(['aks', 'abort', '--zzzzzz']).unrecognised)).toBeUndefined();
    expect(unknown(['--verbsoe', 'aks', 'abort'])).toMatchObject({ message: 'unknown option "--verbsoe" for aks abort' });
  });

  test.each([
    [['aks', 'abort', '-g', 'rg', '-n', 'c'], /--subscription is required: pass it, set AZURE_SUBSCRIPTION_ID/],
    [['aks', 'nope'], /unknown command "aks nope"/],
    [['aks', 'abort', '--bogus'], /bogus/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '-o', 'xml'], /^-o must be one of text, json/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '-g', 'r2'], /--resource-group was given 2 times/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '--verbose', '--verbose'], /--verbose was given 2 times; it takes one value/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '--endpoint', 'https://u:p@x.example'], /--endpoint must not contain a user name or password/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n'], /--name needs a value/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '--timeout', '-1'], /^--timeout needs a value; for one that starts with "-", write --timeout=-…$/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', 'extra'], /unexpected argument "extra"/],
    [['completion'], /completion takes one shell: bash, zsh, fish/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '--timeout', '0'], /--timeout/],
    [['batch', 'cancel-certificate-deletion', '--account-endpoint', 'x', '--thumbprint', 't', '--thumbprint-algorithm', 'md5'], /sha1/],
    [['emulator', '--port', '70000'], /--port/],
  ])('%j is a UsageError: %s', (argv, message) => {
    expect(() => parseCommand(argv, {})).toThrow(UsageError);
    expect(() => parseCommand(argv, {})).toThrow(message);
  });
});
