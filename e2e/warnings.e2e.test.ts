import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../utils/fingerprint';
import { demoPortal } from './harness/demoPage';
import { clickInPanel, fillInPanel, useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';
import { openExtensionPage } from './harness/extensionPage';

const LIFETIME = 12;
const THRESHOLD = 8;

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
