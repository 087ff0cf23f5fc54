import { browser } from 'wxt/browser';
import type { TrackedToken } from '../utils/expiryWarnings/trackedTokens';
import type { InspectorMessage } from '../utils/messages';

/**
 * Tells the background which tokens of this tab to warn about. One-shot messages (not a port): they
 * wake a stopped service worker, and the background keeps the schedule in storage.session.
 */
export function sendTokenSchedule(tabId: number, tokens: TrackedToken[]): void {
  const message: InspectorMessage = { type: 'schedule-tokens', tabId, tokens };
  void browser.runtime.sendMessage(message).catch(() => {
    // The background is restarting; the next change (or this one, retried once) gets through.
    setTimeout(() => void browser.runtime.sendMessage(message).catch(() => {}), 1000);
  });
}
