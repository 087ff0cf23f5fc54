import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { demoPortal } from './harness/demoPage';
import { clickInPanel, fillInPanel, useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';
import { openExtensionPage } from './harness/extensionPage';

const LIFETIME = 12;
const THRESHOLD = 8;

type ChromeBadge = { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } };

describe('the toolbar badge says what the panel says, with default settings', () => {
  const env = useDemoWithPanel();

  it('shows the minutes within 2 s of a 75 s token appearing ("expiring" in the default 5-minute window), counts down, and clears on Clear', async () => {
    const tabId = Number(await env.s.panel.$eval('body', (b) => b.dataset.inspectedTabId));
    const ext = await openExtensionPage(env.s);
    /** Waits until the badge reads `text` (any text at all for `null`). */
    const badgeBecomes = (text: string | null, timeout: number) =>
      ext.page.waitForFunction(
        async (id, want) => {
          const shown = await (globalThis as unknown as ChromeBadge).chrome.action.getBadgeText({ tabId: id });
          return want === null ? shown !== '' : shown === want;
        },
        { timeout: Math.max(timeout, 1), polling: 50 },
        tabId,
        text,
      );
    expect(await ext.badgeText(tabId)).toBe('');

    const tokens = await demoPortal.signIn(env.s.page, 'jwt', 75);
    const fp = tokenFingerprint(tokens.access_token);
    const row = await waitForRow(env.s.panel, { fingerprint: fp, source: 'authorization-header' });
    const rowSeenAt = Date.now();
    // No settings were touched: the panel's default window (5 min) already holds a 75 s token.
    expect(row.status).toBe('expiring');
    const expiresAtMs = Number(row.expiresAt) * 1000;

    await badgeBecomes(null, 2000);
    const badgeAt = Date.now();
    expect(badgeAt - rowSeenAt).toBeLessThan(2000);
    expect(await ext.badgeText(tabId)).toBe(String(Math.ceil((expiresAtMs - badgeAt) / 60_000)));

    // With 60 s left the badge says 1, on time: set by its own alarm, with no message from the devtools page.
    await badgeBecomes('1', expiresAtMs - 60_000 - Date.now() + 5000);
    expect(Math.abs(Date.now() - (expiresAtMs - 60_000))).toBeLessThan(2000);

    // A reload resets a tab's badge in the browser; the token (and "expiring") survive it, so must the badge.
    await env.s.page.reload();
    await badgeBecomes('1', 2000);

    await clickInPanel(env.s.panel, '[data-testid="clear-tokens"]');
    await badgeBecomes('', 2000);
    await ext.page.close();
  });
});

describe('expiry warnings while the panel is not in front', () => {
  const env = useDemoWithPanel();

  it(`warns ${THRESHOLD} s before a ${LIFETIME} s token expires: banner, notification and badge; then says expired`, async () => {
    // The test's threshold, set in the panel's settings view like a user would.
    await fillInPanel(env.s.panel, '[data-testid="warning-window-minutes"]', String(THRESHOLD / 60));
    await fillInPanel(env.s.panel, '[data-testid="warning-thresholds"]', `${THRESHOLD}s`);
    await fillInPanel(env.s.panel, '[data-testid="warning-share"]', '0');

    const tokens = await demoPortal.signIn(env.s.page, 'jwt', LIFETIME);
    const fp = tokenFingerprint(tokens.access_token);
    const row = await waitForRow(env.s.panel, { fingerprint: fp, source: 'authorization-header' });
    const thresholdAtMs = (Number(row.expiresAt) - THRESHOLD) * 1000;
    await clickInPanel(env.s.panel, `[data-testid="token-row"][data-fingerprint="${fp}"]`);
    expect(await env.s.panel.$('[data-testid="expiry-banner"]')).toBeNull();

    // The panel is then put behind another DevTools panel: the warnings must not depend on it.
    await env.s.devtools.evaluate(() => (window as unknown as { DevToolsAPI: { showPanel(id: string): void } }).DevToolsAPI.showPanel('console'));

    await env.s.panel.waitForSelector('[data-testid="expiry-banner"][data-status="expiring"]', { timeout: 20_000 });
    expect(Math.abs(Date.now() - thresholdAtMs)).toBeLessThan(2000);

    const ext = await openExtensionPage(env.s);
    await ext.page.waitForFunction(
      async (f) =>
        Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll()).some((id) =>
          id.includes(f),
        ),
      { timeout: 10_000, polling: 200 },
      fp,
    );
    // chrome.notifications.getAll() gives ids only; the wording is covered by the unit tests.
    expect(Object.keys(await ext.notifications()).filter((id) => id.includes(fp))).toHaveLength(1);
    const tabId = Number(await env.s.panel.$eval('body', (b) => b.dataset.inspectedTabId));
    expect(await ext.badgeText(tabId)).toBe('1');

    await env.s.panel.waitForSelector('[data-testid="expiry-banner"][data-status="expired"]', { timeout: 20_000 });
    await ext.page.waitForFunction(
      async (id) =>
        (await (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id })) ===
        'exp',
      { timeout: 10_000, polling: 200 },
      tabId,
    );
    await ext.page.close();
    await env.s.devtools.evaluate(
      (id) => (window as unknown as { DevToolsAPI: { showPanel(id: string): void } }).DevToolsAPI.showPanel(id),
      `chrome-extension://${env.s.extensionId}MCPTokens`,
    );
  });

  it('says "token rotated" when the page gets a newer token of the same subject, naming the new one', async () => {
    const first = await demoPortal.signIn(env.s.page, 'jwt', 600);
    const second = await demoPortal.signIn(env.s.page, 'jwt', 900);
    const oldFp = tokenFingerprint(first.access_token);
    await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(second.access_token) });
    await env.s.panel.waitForSelector(`[data-testid="token-row"][data-fingerprint="${oldFp}"][data-rotated="true"]`);
    await clickInPanel(env.s.panel, `[data-testid="token-row"][data-fingerprint="${oldFp}"]`);
    expect(await env.s.panel.waitForSelector('[data-testid="token-rotated"]').then((e) => e!.evaluate((n) => n.textContent))).toContain(
      tokenFingerprint(second.access_token),
    );
  });
});
