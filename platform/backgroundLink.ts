import { browser } from 'wxt/browser';
import type { TrackedToken } from '../utils/expiryWarnings/trackedTokens';
import type { ScheduleMessage } from '../utils/expiryWarnings/scheduleMessage';

/**
 * Tells the background which tokens of this tab to warn about. One-shot messages (not a port): they
 * wake a stopped service worker, and the background keeps the schedule in storage.session. The
 * background checks every field (parseScheduleMessage) and accepts only this extension's own pages.
 */
export function sendTokenSchedule(tabId: number, tokens: TrackedToken[]): void {
  const message: ScheduleMessage = { type: 'schedule-tokens', tabId, tokens };
  void browser.runtime.sendMessage(message).catch(() => {
    // The background is restarting; the next change (or this one, retried once) gets through.
    setTimeout(() => void browser.runtime.sendMessage(message).catch(() => {}), 1000);
  });
}
