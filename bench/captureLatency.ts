import type { Frame, Page } from 'puppeteer-core';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { median } from './targets';

const RUNS = 20;

/**
 * From the page's request ending to the token's row in the panel's DOM, in the real panel: the page
 * notes when its fetch finished, a MutationObserver in the panel notes when the row appeared (both
 * wall clock of the same machine). Spaced out, like a page's own requests.
 */
export async function captureToRowMs(page: Page, panel: Frame): Promise<number> {
  await panel.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __rowSeenAt: Record<string, number> }).__rowSeenAt = seen;
    new MutationObserver(() => {
      for (const row of document.querySelectorAll<HTMLElement>('[data-testid="token-row"]')) seen[row.dataset.fingerprint ?? ''] ??= Date.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  const latencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const token = `oauth:bench-capture-${Date.now()}-${i}`;
    const fp = tokenFingerprint(token);
    const endedAt = await page.evaluate(async (t) => {
      await fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } });
      return Date.now();
    }, token);
    await panel.waitForFunction((f) => (window as unknown as { __rowSeenAt: Record<string, number> }).__rowSeenAt[f] !== undefined, { polling: 10 }, fp);
    const seenAt = await panel.evaluate((f) => (window as unknown as { __rowSeenAt: Record<string, number> }).__rowSeenAt[f], fp);
    latencies.push(seenAt - endedAt);
    await new Promise((r) => setTimeout(r, 100));
  }
  return median(latencies);
}
