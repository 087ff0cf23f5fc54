import type { Page } from 'puppeteer-core';
import type { PanelSession } from './devtoolsPanel';

type ChromeApi = {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  storage: { local: { get(k: null): Promise<Record<string, unknown>> } };
};

/** An ordinary tab on one of the extension's pages, to ask extension APIs what the user would see. */
export async function openExtensionPage(
  session: PanelSession,
): Promise<{ page: Page; badgeText(tabId: number): Promise<string>; notifications(): Promise<Record<string, unknown>> }> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/devtools-panel.html`);
  return {
    page,
    badgeText: (tabId) => page.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }), tabId),
    notifications: () => page.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.notifications.getAll()),
  };
}
