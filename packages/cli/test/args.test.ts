import { describe, expect, test } from 'vitest';
import { parseCommand, UsageError } from '../src/args.js';

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

  test('help and version, anywhere', () => {
    expect(parseCommand([], {}).name).toBe('help');
    expect(parseCommand(['--version'], {}).name).toBe('version');
    expect(parseCommand(['aks', 'abort', '--help'], {}).name).toBe('help');
  });

  test.each([
    [['aks', 'abort', '-g', 'rg', '-n', 'c'], /--subscription is required/],
    [['aks', 'nope'], /unknown command "aks nope"/],
    [['aks', 'abort', '--bogus'], /bogus/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '-o', 'yaml'], /--output must be json or text/],
    [['aks', 'abort', '--subscription', sub, '-g', 'r', '-n', 'c', '--timeout', '0'], /--timeout/],
    [['batch', 'cancel-certificate-deletion', '--account-endpoint', 'x', '--thumbprint', 't', '--thumbprint-algorithm', 'md5'], /sha1/],
    [['emulator', '--port', '70000'], /--port/],
  ])('%j is a UsageError: %s', (argv, message) => {
    expect(() => parseCommand(argv, {})).toThrow(UsageError);
    expect(() => parseCommand(argv, {})).toThrow(message);
  });
});
