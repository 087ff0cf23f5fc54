import type { ElementHandle, Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { autoRefreshUrl, waitForPageDone, waitForPageTokens, type AutoRefreshToken } from './harness/demoPage';
import { clickInPanel, testToolsNow, useDemoWithPanel } from './harness/devtoolsPanel';

const TTL = 10;
const LEAD = 4;
const TOKENS = 4;
const FORMATS = ['env', 'mcp-remote', 'inspector-cli', 'claude-desktop', 'claude-api', 'curl'];
const poll = { polling: 100, timeout: 20_000 };
// The Test tools now report has an "include the token" box of the same name: this one is the hand-off's.
const INCLUDE_TOKEN = '[data-testid="hand-off"] [data-testid="export-include-token"]';

/** The lineage whose tokens are exactly `fingerprints`, in that order (oldest first); its refresh events. */
async function lineageOf(panel: Frame, fingerprints: string[]) {
  const handle = (await panel.waitForFunction(
    (fps) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="lineage"]')].find((l) => {
        const tokens = [...l.querySelectorAll<HTMLElement>('[data-testid="lineage-token"]')].map((t) => t.dataset.fingerprint);
        return tokens.join() === fps.join();
      }),
    poll,
    fingerprints,
  )) as ElementHandle<HTMLElement>;
  return handle.evaluate((l) => ({
    tokenCount: l.dataset.tokenCount,
    lifetimes: [...l.querySelectorAll<HTMLElement>('[data-testid="lineage-token"]')].map((t) => t.dataset.lifetimeSeconds),
    refreshes: [...l.querySelectorAll<HTMLElement>('[data-testid="refresh-event"]')].map((e) => ({ ...e.dataset })),
  }));
}

const previews = (panel: Frame) =>
  panel.$$eval('[data-testid="export-preview"]', (els) => els.map((e) => ({ format: (e as HTMLElement).dataset.format ?? '', text: e.textContent ?? '' })));

/** Some run of `length` characters of `secret` appears in `text`. */
const leaksPartOf = (text: string, secret: string, length = 8) =>
  Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length)).some((part) => text.includes(part));

/** Waits until the curl preview (token included) carries `token`: the hand-off follows the lineage's newest token. */
const waitForPreviewWith = (panel: Frame, token: string) =>
  panel.waitForFunction((t) => document.querySelector('[data-testid="export-preview"][data-format="curl"]')?.textContent?.includes(t), poll, token);

describe('the lifecycle of a page that refreshes its own tokens', () => {
  const env = useDemoWithPanel();
  let tokens: AutoRefreshToken[] = [];

  it('follows the page through sign-in and refreshes: lineage, refresh lead, rotation, resource, and hand-off snippets that follow each new token', async () => {
    const { page, panel } = env.s;
    await clickInPanel(panel, '[data-testid="lifecycle-toggle"]');
    await panel.waitForSelector('[data-testid="lifecycle-toggle"][aria-pressed="true"]');
    await panel.waitForSelector('[data-testid="lifecycle-view"]');
    await page.goto(autoRefreshUrl(env.demo.url, { ttl: TTL, lead: LEAD, tokens: TOKENS, resource: true, offline: true }));

    // Two Test tools now runs while the page's token is fresh: the statistics count them for the target's origin.
    const early = await waitForPageTokens(page, 2);
    for (let i = 0; i < 2; i++) expect(await testToolsNow(panel)).toMatchObject({ outcome: 'pass' });

    // Ticked, the snippets carry the newest token, and the next refresh's token once it comes.
    await clickInPanel(panel, INCLUDE_TOKEN);
    await waitForPreviewWith(panel, early.at(-1)!.access);
    const later = await waitForPageTokens(page, early.length + 1);
    await waitForPreviewWith(panel, later.at(-1)!.access);
    await clickInPanel(panel, INCLUDE_TOKEN);

    tokens = await waitForPageDone(page);
    expect(tokens.map((t) => t.grantType)).toEqual(['authorization_code', ...Array(TOKENS - 1).fill('refresh_token')]);
    expect(tokens.every((t) => t.mcpStatus === 200)).toBe(true);

    const lineage = await lineageOf(
      panel,
      tokens.map((t) => tokenFingerprint(t.access)),
    );
    expect(lineage.tokenCount).toBe(String(TOKENS));
    for (const lifetime of lineage.lifetimes) expect(Math.abs(Number(lifetime) - TTL)).toBeLessThanOrEqual(1);
    expect(lineage.refreshes).toHaveLength(TOKENS - 1);
    for (const refresh of lineage.refreshes) {
      expect(refresh).toMatchObject({ grantType: 'refresh_token', resourceSent: 'true', refreshRotated: 'true' });
      expect(Math.abs(Number(refresh.leadSeconds) - LEAD), `lead ${refresh.leadSeconds}`).toBeLessThanOrEqual(1.5);
    }
  });

  it('measures the lifetimes of the access tokens per issuer: count, min, median and max', async () => {
    const { panel } = env.s;
    // The demo's tokens are JWTs: grouped by their issuer, the portal.
    const stats = await panel.waitForSelector(`[data-testid="lifetime-stats"][data-key="iss:${env.demo.url}"]`, poll);
    const lifetimes = await stats!.evaluate((s) => ({ ...(s as HTMLElement).dataset }));
    expect(lifetimes.count).toBe(String(TOKENS));
    for (const key of ['minSeconds', 'medianSeconds', 'maxSeconds'] as const) expect(Math.abs(Number(lifetimes[key]) - TTL), key).toBeLessThanOrEqual(1);
  });

  it('counts both Test tools now runs, both passes, against the target origin', async () => {
    const { panel } = env.s;
    const testStats = await panel.waitForSelector('[data-testid="test-stats"][data-runs="2"]', poll);
    expect(await testStats!.evaluate((s) => ({ ...(s as HTMLElement).dataset }))).toMatchObject({ runs: '2', passes: '2', origin: env.demo.url });
  });

  it('hands the newest token on redacted unless asked: no byte of any token without the tick, the real one with it, copied exactly as shown', async () => {
    const { panel } = env.s;
    const redacted = await previews(panel);
    expect(redacted.map((p) => p.format)).toEqual(expect.arrayContaining(FORMATS));
    for (const { format, text } of redacted) {
      expect(text, format).toContain('<TOKEN>');
      for (const t of tokens) {
        expect(leaksPartOf(text, t.access), `${format} leaks an access token`).toBe(false);
        if (t.refresh) expect(leaksPartOf(text, t.refresh), `${format} leaks a refresh token`).toBe(false);
      }
    }

    await clickInPanel(panel, INCLUDE_TOKEN);
    const newest = tokens.at(-1)!.access;
    await waitForPreviewWith(panel, newest);
    for (const { format, text } of await previews(panel)) expect(text, format).toContain(newest);

    // What the copy button hands the clipboard: recorded on its way there (Clipboard API, or the selection copy it falls back to).
    await panel.evaluate(() => {
      const w = window as unknown as { copied?: string };
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => ((w.copied = text), write(text));
      document.addEventListener('copy', (e) => e.target instanceof HTMLTextAreaElement && (w.copied = e.target.value), true);
    });
    for (const format of ['curl', 'env']) {
      const shown = await panel.$eval(
        `[data-testid="export-copy"][data-format="${format}"]`,
        (button, f) => {
          (button as HTMLElement).click();
          return document.querySelector(`[data-testid="export-preview"][data-format="${f}"]`)!.textContent;
        },
        format,
      );
      await panel.waitForFunction((f) => document.querySelector(`[data-testid="export-copy"][data-format="${f}"]`)?.textContent === 'Copied', poll, format);
      const copied = await panel.evaluate(() => (window as unknown as { copied?: string }).copied);
      expect(copied).toBe(shown);
      expect(copied).toContain(newest);
    }
  });

  it('copies a session report that names the tokens by fingerprint and holds no byte of any of them', async () => {
    const { panel } = env.s;
    for (const format of ['md', 'json']) {
      await clickInPanel(panel, `[data-testid="session-report-copy-${format}"]`);
      await panel.waitForFunction((f) => document.querySelector(`[data-testid="session-report-copy-${f}"]`)?.textContent === 'Copied', poll, format);
      const report = (await panel.evaluate(() => (window as unknown as { copied?: string }).copied)) ?? '';
      if (format === 'json') expect(() => JSON.parse(report)).not.toThrow();
      for (const t of tokens) {
        expect(report, format).toContain(tokenFingerprint(t.access));
        expect(leaksPartOf(report, t.access), `${format} report leaks an access token`).toBe(false);
        if (t.refresh) expect(leaksPartOf(report, t.refresh), `${format} report leaks a refresh token`).toBe(false);
      }
    }
  });
});
