import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { signedJwt } from '../test-support/tokens';
import { tokenFingerprint } from '../utils/fingerprint';
import { firefoxPath } from './harness/browsers';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../.output/firefox-mv2');
const manifest = () => JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8'));

describe('the Firefox build', () => {
  it('declares what AMO requires and passes web-ext lint with 0 errors', async () => {
    const gecko = manifest().browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const { stdout } = await promisify(execFile)(resolve('node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_BUILD, '--self-hosted', '--output', 'json'], {
      maxBuffer: 10 * 1024 * 1024,
    }).catch((e: { stdout: string }) => e);
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { message: string }) => e.message)).toEqual([]);
  });

  it('installs in headless Firefox, opens its welcome tab, and that panel page decodes a pasted token', async () => {
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
