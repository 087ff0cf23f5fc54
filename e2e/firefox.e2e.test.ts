import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { signedJwt } from '../test-support/tokens';
import { tokenFingerprint } from '../utils/fingerprint';
import { firefoxPath } from './harness/browsers';

const FIREFOX_BUILD = resolve(import.meta.dirname, '..', process.env.MCPTI_OUT_DIR ?? '.output', 'firefox-mv2');
const manifest = () => JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8'));

describe('the Firefox build', () => {
  it('declares what AMO requires and passes web-ext lint with 0 errors', async () => {
    const gecko = manifest().browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const { stdout } = await promisify(execFile)(
      resolve('node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_BUILD, '--self-hosted', '--output', 'json'],
      {
        maxBuffer: 10 * 1024 * 1024,
      },
    ).catch((e: { stdout: string }) => e);
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { message: string }) => e.message)).toEqual([]);
  });

  it('installs in headless Firefox: its panel page decodes a pasted token, and its background warns before expiry', async () => {
    const id = manifest().browser_specific_settings.gecko.id as string;
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
    try {
      expect(await browser.installExtension(FIREFOX_BUILD)).toBe(id);
      // WebDriver BiDi refuses to navigate to moz-extension:// pages, so use the tab the add-on opens on install.
      const page = await findExtensionTab(browser);
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.$eval('[data-testid="welcome"]', (e) => e.textContent)).toMatch(/MCP Tokens/);
      const jwt = await signedJwt({ sub: 'firefox-user', exp: Math.floor(Date.now() / 1000) + 3600 });
      await page.type('[data-testid="paste-input"]', `Bearer ${jwt}`);
      await page.click('[data-testid="paste-submit"]');
      const row = await page.waitForSelector(`[data-testid="token-row"][data-fingerprint="${tokenFingerprint(jwt)}"]`);
      expect(await row!.evaluate((r) => ({ ...(r as HTMLElement).dataset }))).toMatchObject({ kind: 'jwt', status: 'valid', sources: 'pasted' });
      expect(await page.$eval('[data-claim="sub"]', (e) => (e as HTMLElement).dataset.value)).toBe('"firefox-user"');

      // Expiry warnings in the MV2 background: the message the devtools page sends, then a
      // notification and the browserAction badge when the threshold passes.
      const warned = await page.evaluate(async () => {
        type Api = {
          runtime: { sendMessage(m: unknown): Promise<unknown> };
          tabs: { query(q: object): Promise<{ id: number }[]> };
          notifications: {
            getAll(): Promise<Record<string, unknown>>;
            onShown: { addListener(l: (id: string) => void): void };
            onClosed: { addListener(l: (id: string) => void): void };
          };
          browserAction: { getBadgeText(d: object): Promise<string> };
          storage: { local: { set(v: object): Promise<void> } };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        // Headless Firefox has no notification centre: a notification is shown and closed at once,
        // so getAll() stays empty. Its shown/closed events still prove it was raised.
        const raised: string[] = [];
        api.notifications.onShown.addListener((id) => raised.push(id));
        api.notifications.onClosed.addListener((id) => raised.push(id));
        await api.storage.local.set({ settings: { thresholdsSeconds: [2], shareOfLifetime: 0, notificationsEnabled: true } });
        const [tab] = await api.tabs.query({ active: true });
        const expiresAt = Math.floor(Date.now() / 1000) + 4;
        await api.runtime.sendMessage({
          type: 'schedule-tokens',
          tabId: tab.id,
          tokens: [{ fingerprint: 'ff00ff00ff00', label: 'example.com · JWT access token', host: 'example.com', expiresAt, lifetime: 60 }],
        });
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          const ids = [...raised, ...Object.keys(await api.notifications.getAll())];
          const badge = await api.browserAction.getBadgeText({ tabId: tab.id });
          if (ids.some((id) => id.includes('ff00ff00ff00')) && badge === '1') return { ids, badge };
          await new Promise((r) => setTimeout(r, 200));
        }
        return { ids: [...raised, ...Object.keys(await api.notifications.getAll())], badge: await api.browserAction.getBadgeText({ tabId: tab.id }) };
      });
      expect(warned.ids.some((id) => id.includes('ff00ff00ff00'))).toBe(true);
      expect(warned.badge).toBe('1');
    } finally {
      await browser.close();
    }
  });
});

/** BiDi reports the new tab as about:blank for a while; ask each page where it really is. */
async function findExtensionTab(browser: Browser): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('devtools-panel.html')) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The add-on did not open its welcome tab after install.');
}
