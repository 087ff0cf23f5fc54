import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { DemoOptions, DemoServer } from '../../demo/portal';
import { startFullDemo } from '../../test-support/demoServer';
import { QUIET_CHROMIUM_FLAGS, chromiumPath } from './browsers';

export const CHROME_BUILD = resolve(import.meta.dirname, '../..', process.env.MCPTI_OUT_DIR ?? '.output', 'chrome-mv3');
const PANEL_TITLE_ID = 'MCPTokens';

export interface PanelSession {
  browser: Browser;
  extensionId: string;
  /** The inspected tab. */
  page: Page;
  /** The DevTools front-end page attached to `page`. */
  devtools: Page;
  /** The extension's panel document inside DevTools. */
  panel: Frame;
  close(): Promise<void>;
}

export async function launchWithExtension(build = CHROME_BUILD): Promise<{ browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: [build],
    handleDevToolsAsPage: true,
    args: QUIET_CHROMIUM_FLAGS,
  });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  return { browser, extensionId: new URL(worker.url()).host };
}

/**
 * Opens `url` in a tab, opens DevTools on it and shows the MCP Tokens panel, as a user would.
 * The DevTools front-end calls here (DevToolsAPI.showPanel) are private API: keep them in this file.
 */
export async function openPanelOn(url: string, build = CHROME_BUILD): Promise<PanelSession> {
  const { browser, extensionId } = await launchWithExtension(build);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const { devtools, panel } = await openDevToolsPanel(page, extensionId);
    return { browser, extensionId, page, devtools, panel, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Opens DevTools on `page` and shows the MCP Tokens panel, ready for traffic. */
export async function openDevToolsPanel(page: Page, extensionId: string): Promise<{ devtools: Page; panel: Frame }> {
  const devtools = await page.openDevTools();
  await devtools.waitForFunction(() => typeof (window as unknown as { DevToolsAPI?: { showPanel?: unknown } }).DevToolsAPI?.showPanel === 'function', {
    timeout: 20_000,
  });
  const panel = await showExtensionPanel(devtools, extensionId);
  await panel.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  return { devtools, panel };
}

async function showExtensionPanel(devtools: Page, extensionId: string): Promise<Frame> {
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE_ID}`;
  const prefix = `chrome-extension://${extensionId}/devtools-panel.html`;
  const deadline = Date.now() + 20_000;
  // The devtools page registers the panel asynchronously, and a panel page loads only once shown:
  // ask DevTools to show it until its frame exists.
  while (Date.now() < deadline) {
    await devtools.evaluate((id) => (window as unknown as { DevToolsAPI: { showPanel(id: string): void } }).DevToolsAPI.showPanel(id), panelId);
    const frame = devtools.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The "${PANEL_TITLE_ID}" panel never appeared in DevTools (was the extension built?).`);
}

/** DOM click inside the panel frame: in headless Chromium, mouse events sent to the DevTools page stop at the panel's iframe. */
export async function clickInPanel(panel: Frame, selector: string): Promise<void> {
  await panel.waitForSelector(selector);
  await panel.$eval(selector, (el) => (el as HTMLElement).click());
}

/** Types into an input inside the panel the way React sees it (native setter + input event). */
export async function fillInPanel(panel: Frame, selector: string, value: string): Promise<void> {
  await panel.waitForSelector(selector);
  await panel.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement | HTMLTextAreaElement;
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

export interface TokenRowInfo {
  kind: string;
  status: string;
  expiresAt: string;
  sources: string[];
  fingerprint: string;
}

export async function tokenRows(panel: Frame): Promise<TokenRowInfo[]> {
  return panel.$$eval('[data-testid="token-row"]', (rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return {
        kind: d.kind ?? '',
        status: d.status ?? '',
        expiresAt: d.expiresAt ?? '',
        sources: (d.sources ?? '').split(' ').filter(Boolean),
        fingerprint: d.fingerprint ?? '',
      };
    }),
  );
}

/** Waits until a row matching `predicate` (evaluated in the panel on its dataset) exists, and returns it. */
export async function waitForRow(panel: Frame, match: { fingerprint?: string; source?: string; kind?: string }, timeout = 15_000): Promise<TokenRowInfo> {
  await panel.waitForFunction(
    (m) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="token-row"]')].some(
        (r) =>
          (!m.fingerprint || r.dataset.fingerprint === m.fingerprint) &&
          (!m.kind || r.dataset.kind === m.kind) &&
          (!m.source || (r.dataset.sources ?? '').split(' ').includes(m.source)),
      ),
    // Interval polling: requestAnimationFrame (the default) stops while the panel is hidden.
    { timeout, polling: 100 },
    match,
  );
  const rows = await tokenRows(panel);
  return rows.find(
    (r) =>
      (!match.fingerprint || r.fingerprint === match.fingerprint) &&
      (!match.kind || r.kind === match.kind) &&
      (!match.source || r.sources.includes(match.source)),
  )!;
}

/**
 * Allows the extension on a site the way a user does under "Site access"; headless Chromium never
 * answers permissions.request() prompts. For an optional host permission this only
 * marks the site as allowed: the extension's own permissions.request() then resolves at once
 * without a prompt. Private API: kept here.
 */
export async function grantHostAccess(session: PanelSession, pattern: string): Promise<void> {
  const page = await session.browser.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async (id, p) => {
        type DeveloperPrivate = {
          updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
          addHostPermission(id: string, pattern: string): Promise<void>;
        };
        const dp = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        // "On specific sites" first: only then does the added site count as granted.
        await dp.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
        await dp.addHostPermission(id, p);
      },
      session.extensionId,
      pattern,
    );
  } finally {
    await page.close();
  }
}

export interface DemoPanel {
  demo: DemoServer;
  s: PanelSession;
}

/** The usual E2E set-up: the full demo on a free port, and Chromium with DevTools and the panel open on it. */
export function useDemoWithPanel(options: DemoOptions = {}): DemoPanel {
  const env = {} as DemoPanel;
  beforeAll(async () => {
    env.demo = await startFullDemo(options);
    env.s = await openPanelOn(`${env.demo.url}/`);
  });
  afterAll(async () => {
    await env.s?.close();
    await env.demo?.close();
  });
  return env;
}

/** Waits until the background has registered the in-page recorder for `origin` (it follows host permissions). */
export async function waitForRecorderOn(session: PanelSession, origin: string): Promise<void> {
  const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`));
  const worker = await target.worker();
  const host = new URL(origin).host.split(':')[0];
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const matches = await worker!.evaluate(async () =>
      (
        await (
          globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }
        ).chrome.scripting.getRegisteredContentScripts()
      ).flatMap((s) => s.matches ?? []),
    );
    if (matches.some((m) => m.includes(host))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The recorder was never registered for ${origin}.`);
}

export interface ReportInfo {
  outcome?: string;
  transport?: string;
  errorKind?: string;
  /** Counts finished tests (data-run). */
  run?: string;
  headline: string;
}

/** Clicks "Test tools now" and waits for a report newer than the one on screen. */
export async function testToolsNow(panel: Frame): Promise<ReportInfo> {
  const previous = await panel.$eval('[data-testid="test-report"]', (r) => (r as HTMLElement).dataset.run).catch(() => undefined);
  await clickInPanel(panel, '[data-testid="test-tools-now"]');
  await panel.waitForFunction(
    (old) => {
      const report = document.querySelector<HTMLElement>('[data-testid="test-report"]');
      return report !== null && report.dataset.run !== old;
    },
    { timeout: 30_000, polling: 100 },
    previous ?? '',
  );
  return panel.$eval('[data-testid="test-report"]', (r) => ({
    ...(r as HTMLElement).dataset,
    headline: r.querySelector('[data-testid="report-headline"]')?.textContent ?? '',
  }));
}

export interface Appearances {
  /** performance.now() in the panel when each selector first matched; absent when it never did. */
  times(): Promise<Record<string, number | undefined>>;
}

/**
 * Starts noting, inside the panel, when each selector first matches (a MutationObserver, so the
 * order of things on screen is known without polling races).
 */
export async function recordAppearances(panel: Frame, selectors: string[]): Promise<Appearances> {
  const key = `__appearances${Math.random().toString(36).slice(2)}`;
  await panel.evaluate(
    (k, list) => {
      const seen: Record<string, number> = {};
      const check = () => {
        for (const s of list) if (seen[s] === undefined && document.querySelector(s)) seen[s] = performance.now();
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
      (window as unknown as Record<string, unknown>)[k] = { seen, observer };
    },
    key,
    selectors,
  );
  return {
    times: () =>
      panel.evaluate((k) => {
        const rec = (window as unknown as Record<string, { seen: Record<string, number>; observer: MutationObserver }>)[k];
        rec.observer.disconnect();
        return rec.seen;
      }, key),
  };
}
