import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers';

/** The part of a captured row (utils/tokenLedger.ts) the Firefox tests read. */
export interface CapturedRow {
  value: string;
  sources: string[];
  roles: string[];
  names: string[];
  issuedExpiresAt?: number;
  scope?: string;
  decoded: { kind: string };
}

export interface FirefoxWithDevtools {
  browser: Browser;
  /** What Firefox answered the install with: the add-on's id. */
  addonId: string;
  /** The first tab: the only one with a DevTools toolbox, so the only one the add-on captures from. */
  inspected: Page;
  /** The welcome tab the add-on opens on install: an extension page, so it can read the add-on's storage. */
  addonTab: Page;
}

/**
 * Headless Firefox with a DevTools toolbox open on its first tab (`--devtools`), then the add-on
 * installed, which loads its devtools page into that toolbox at once. Tabs opened later get no
 * toolbox. `prefs` are Firefox preferences (e.g. which DevTools panel the toolbox opens on).
 */
export async function launchFirefoxWithDevtools(addonDir: string, prefs: Record<string, unknown> = {}): Promise<FirefoxWithDevtools> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true, args: ['--devtools'], extraPrefsFirefox: prefs });
  try {
    const [inspected] = await browser.pages();
    const addonId = await browser.installExtension(addonDir);
    // WebDriver BiDi refuses to navigate to moz-extension:// pages, so the tab the add-on opens on install is the way in.
    return { browser, addonId, inspected, addonTab: await findExtensionTab(browser) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** BiDi reports the new tab as about:blank for a while, so each page is asked where it really is. */
export async function findExtensionTab(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('devtools-panel.html')) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The add-on did not open its welcome tab after install.');
}

type AddonApi = {
  tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, { rows?: unknown[] } | undefined>> } };
};

/** The id of the tab showing a page under `urlPrefix`, as the add-on knows it. */
export async function tabIdOf(addonTab: Page, urlPrefix: string): Promise<number> {
  const id = await addonTab.evaluate(async (prefix) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    return (await api.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
  }, urlPrefix);
  if (id === undefined) throw new Error(`No tab shows ${urlPrefix}`);
  return id;
}

/** The rows the devtools page keeps for a tab in storage.session (platform/captureStore.ts). */
export function capturedRows(addonTab: Page, tabId: number): Promise<CapturedRow[]> {
  return addonTab.evaluate(async (key) => {
    const api = (globalThis as unknown as { browser: AddonApi }).browser;
    return ((await api.storage.session.get(key))[key]?.rows ?? []) as CapturedRow[];
  }, `capture:${tabId}`);
}

/**
 * Polls the stored capture until `done` holds; on timeout the error lists what was captured
 * (kinds, sources and roles only: no token values in test output).
 */
export async function waitForCapture(addonTab: Page, tabId: number, done: (rows: CapturedRow[]) => boolean, timeoutMs = 10_000): Promise<CapturedRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: CapturedRow[] = [];
  while (Date.now() < deadline) {
    rows = await capturedRows(addonTab, tabId);
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  const summary = rows.map((r) => `${r.decoded.kind} [${r.sources.join(',')}] [${r.roles.join(',')}] exp=${r.issuedExpiresAt ?? '-'}`);
  throw new Error(`Capture did not reach the expected state within ${timeoutMs} ms. Captured:\n${summary.join('\n') || '(nothing)'}`);
}

export const rowFor = (rows: CapturedRow[], value: string | undefined) => rows.find((r) => r.value === value);
