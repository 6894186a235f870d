import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); npm packages that download a browser fail on these machines. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags these machines need. Without the background-networking ones Chromium keeps calling Google
 * hosts that the closed network refuses; `--no-sandbox` because CI runs as root.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: `AZLRO_CHROMIUM` if set, else Debian's. */
export function chromiumPath(): string {
  return process.env.AZLRO_CHROMIUM || DEFAULT_CHROMIUM_PATH;
}

/**
 * Throws, naming the script that installs it, unless Chromium is there: a browser test that cannot
 * run must fail, never skip.
 */
export function assertChromium(path = chromiumPath()): string {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${path}: the browser tests need Debian's chromium. ` +
        'Install it with tools/browser/ensure-chromium.sh (as root; it runs apt-get install chromium), ' +
        'or point AZLRO_CHROMIUM at another Chromium binary.',
    );
  }
  return path;
}

/**
 * Launches headless Chromium with playwright-core. Playwright gives every launch a fresh temporary
 * profile (`--user-data-dir`) and removes it on `close()`.
 */
export function launchChromium(path = chromiumPath()): Promise<Browser> {
  return chromium.launch({ executablePath: assertChromium(path), args: [...CHROMIUM_ARGS], timeout: 30_000 });
}
