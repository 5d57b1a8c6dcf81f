// Finds and launches a system Chromium for Playwright: no browser is downloaded, ever.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** What to do when no Chromium is found: install one, or say where it is. */
export const missingChromiumMessage =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'macOS/Windows: install Google Chrome) or set CHROMIUM_PATH to its executable.';

/** The Chromium to use: $CHROMIUM_PATH, or the first of the usual install locations. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(missingChromiumMessage);
  return found;
}

/**
 * The flags this sandboxed, offline machine needs: without the background-networking ones
 * Chromium keeps dialling Google's hosts, which this network refuses.
 */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium for Playwright with `chromiumFlags`. */
export function launchChromium() {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumFlags });
}
