import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assertChromium, CHROMIUM_ARGS, launchChromium } from '../src/chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'azlro-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a missing Chromium is an error that names the script installing it, never a skip', () => {
  expect(() => assertChromium('/nonexistent/chromium')).toThrow(
    /Chromium not found at \/nonexistent\/chromium.*tools\/browser\/ensure-chromium\.sh/,
  );
  const notExecutable = join(dir, 'not-executable');
  writeFileSync(notExecutable, '');
  expect(() => assertChromium(notExecutable)).toThrow(/Chromium not found/);
});

test("Chromium is started with the flags this machine's closed network needs", async () => {
  // A stand-in browser (the seam is the executable path, nothing is mocked): it writes the command
  // line it was started with, then exits, so the launch fails and leaves the arguments behind.
  const argsFile = join(dir, 'args.txt');
  const fake = join(dir, 'fake-chromium');
  writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexit 1\n`);
  chmodSync(fake, 0o755);
  await expect(launchChromium(fake)).rejects.toThrow();
  const args = readFileSync(argsFile, 'utf8').split('\n');
  expect(args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']));
  expect(args.some((arg) => arg.startsWith('--headless'))).toBe(true);
  expect(CHROMIUM_ARGS.filter((flag) => !args.includes(flag) && flag !== '--headless')).toEqual([]); // every flag reached the browser
});
