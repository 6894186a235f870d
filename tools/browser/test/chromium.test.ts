import { expect, test } from 'vitest';
import { assertChromium, CHROMIUM_ARGS } from '../src/chromium.js';

test('a missing Chromium is an error that names the script installing it, never a skip', () => {
  expect(() => assertChromium('/nonexistent/chromium')).toThrow(
    /Chromium not found at \/nonexistent\/chromium.*tools\/browser\/ensure-chromium\.sh/,
  );
});

test("Chromium is started with the flags this machine's closed network needs", () => {
  expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update']));
});
