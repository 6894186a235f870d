import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { systemClock } from '@azlro/http';
import { ManualClock } from '@azlro/http/testing';
import { resolveOptions } from '../src/options.js';
import { SPEC_FILES, specsDirectory } from '../src/specs.js';
import { EMULATOR_BATCH_ACCOUNT_KEY, emulatorInfo } from '../src/info.js';

describe('resolveOptions', () => {
  test('defaults: ephemeral ports, loopback, demo-length timings, the documented Batch account', () => {
    expect(resolveOptions({})).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      timings: { abortInMs: 3_000, commandInMs: 2_000, offerCancelInMs: 2_000, retryAfterInSeconds: 1 },
      batchAccounts: [{ name: 'azlroemulator', key: EMULATOR_BATCH_ACCOUNT_KEY }],
      certificatesRetired: false,
      faults: { invalidResponseBodies: false },
      pollsUntilDone: undefined,
    });
    expect(resolveOptions({}).clock).toBe(systemClock); // real time, as the demo and `azlro emulator` use
  });

  test('a clock and pollsUntilDone are taken as given', () => {
    const clock = new ManualClock();
    expect(resolveOptions({ clock, pollsUntilDone: 3 })).toMatchObject({ clock, pollsUntilDone: 3 });
  });

  test.each([
    [{ port: 1.5 }, RangeError, 'port'],
    [{ port: 65_534 }, RangeError, 'port'],
    [{ port: '80' }, TypeError, 'port'],
    [{ host: 'localhost' }, RangeError, 'host'],
    [{ timings: { commandInMs: -1 } }, RangeError, 'timings.commandInMs'],
    [{ timings: { retryAfterInSeconds: 0.5 } }, RangeError, 'timings.retryAfterInSeconds'],
    [{ timings: 5 }, TypeError, 'timings'],
    [{ batchAccounts: [] }, TypeError, 'batchAccounts'],
    [{ batchAccounts: [{ name: 'a', key: 'not base64!' }] }, TypeError, 'batchAccounts[0].key'],
    [{ abortSignal: {} }, TypeError, 'abortSignal'],
    [{ clock: { now: () => 0 } }, TypeError, 'clock'],
    [{ pollsUntilDone: 0 }, RangeError, 'pollsUntilDone'],
    [{ pollsUntilDone: 2.5 }, RangeError, 'pollsUntilDone'],
    [{ pollsUntilDone: '3' }, TypeError, 'pollsUntilDone'],
  ])('%o throws %o naming the option', (options, error, name) => {
    expect(() => resolveOptions(options as never)).toThrow(error);
    expect(() => resolveOptions(options as never)).toThrow(name);
  });

  test('the fake key is what it says it is', () => {
    expect(Buffer.from(EMULATOR_BATCH_ACCOUNT_KEY, 'base64').toString()).toContain('NOT A SECRET');
    expect(emulatorInfo.batch.accountKey).toBe(EMULATOR_BATCH_ACCOUNT_KEY);
  });
});

describe('specsDirectory', () => {
  const repositorySpecs = fileURLToPath(new URL('../../../specs', import.meta.url));
  const temp = mkdtempSync(join(tmpdir(), 'azlro-emulator-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  test('inside the repository: the repository specs themselves, never a copy', () => {
    expect(specsDirectory()).toBe(repositorySpecs);
  });

  test('installed: the copy inside the package', () => {
    const packageRoot = join(temp, 'node_modules', '@azlro', 'emulator');
    mkdirSync(join(packageRoot, 'specs'), { recursive: true });
    for (const file of Object.values(SPEC_FILES)) copyFileSync(join(repositorySpecs, file), join(packageRoot, 'specs', file));
    expect(specsDirectory(packageRoot)).toBe(join(packageRoot, 'specs'));
  });

  test('neither: an error naming the missing files and the fix', () => {
    expect(() => specsDirectory(join(temp, 'empty', 'pkg'))).toThrow(/containerservice\.yaml.*copy-specs/);
  });
});
