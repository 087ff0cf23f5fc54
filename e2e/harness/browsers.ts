import { existsSync } from 'node:fs';

/** Debian's Chromium (apt) unless CHROMIUM_PATH says otherwise; branded Chrome ignores --load-extension. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  return found;
}

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Firefox found. Install it (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  return found;
}

/** Flags for a closed network: without them Chromium keeps dialling Google and logs refusals. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--no-default-browser-check',
];
