import { browser } from 'wxt/browser';
import { fitCapture } from '../utils/capture/fitCapture';
import type { McpTarget } from '../utils/mcp/detectMcpTarget';
import type { TokenRow } from '../utils/capture/tokenLedger';
import { parseLifecycle, type LifecycleRecords } from '../utils/links/panelChannel';

/**
 * Captured tokens of one tab in storage.session (memory only, never on disk, gone when the browser
 * closes), so closing and reopening DevTools does not lose them. The background drops a tab's entry
 * when the tab closes.
 */
export interface StoredCapture {
  rows: TokenRow[];
  targets: McpTarget[];
  /** Token requests and test runs: facts, fingerprints and times, no token values. */
  lifecycle?: LifecycleRecords;
}

export const captureKey = (tabId: number) => `capture:${tabId}`;
// storage.session holds 10 MB in all; one tab's capture never takes more than half of it.
const MAX_BYTES = 5 * 1024 * 1024;

export async function loadCapture(tabId: number): Promise<StoredCapture | undefined> {
  try {
    const stored = (await browser.storage.session.get(captureKey(tabId)))[captureKey(tabId)] as StoredCapture | undefined;
    if (!stored || !Array.isArray(stored.rows) || !Array.isArray(stored.targets)) return undefined;
    return { rows: stored.rows, targets: stored.targets, lifecycle: parseLifecycle(stored.lifecycle) };
  } catch {
    return undefined;
  }
}

export async function saveCapture(tabId: number, capture: StoredCapture): Promise<void> {
  try {
    // Too large for its share of storage.session: the most recently seen rows are kept.
    await browser.storage.session.set({ [captureKey(tabId)]: fitCapture(capture, MAX_BYTES).capture });
  } catch {
    // storage.session unavailable (older browsers): the capture simply stays in memory.
  }
}

export async function forgetCapture(tabId: number): Promise<void> {
  await browser.storage.session.remove(captureKey(tabId)).catch(() => {});
}
