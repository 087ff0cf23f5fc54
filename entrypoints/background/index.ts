import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetCapture } from '../../platform/captureStore';
import { keepEarlyRecorderInSync } from '../../platform/earlyRecorder';
import { isOwnPageOutsideTabs, parseScheduleMessage } from '../../utils/expiryWarnings/scheduleMessage';
import { SETTINGS_KEY } from '../../utils/settings/settings';
import { createExpiryWarnings } from './expiryWarnings';

// The background owns only what must outlive the panel: expiry alarms, notifications and the badge.
export default defineBackground(() => {
  const warnings = createExpiryWarnings();
  // Listeners first and synchronously, so an alarm that wakes the worker is delivered.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Even from the devtools page, what arrives is checked field by field, never trusted.
    if (!isOwnPageOutsideTabs(sender, browser.runtime.id)) return undefined;
    const schedule = parseScheduleMessage(message);
    if (schedule) return warnings.schedule(schedule.tabId, schedule.tokens).then(() => true);
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => void warnings.onAlarm(alarm));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== undefined) void warnings.onTabUpdated(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void warnings.onTabRemoved(tabId);
    void forgetCapture(tabId);
  });
  browser.notifications.onClicked.addListener((id) => void warnings.onNotificationClicked(id));
  browser.runtime.onStartup.addListener(() => void warnings.onBrowserStartup());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void warnings.onSettingsChanged();
  });
  void warnings.restore();
  // The in-page token-response recorder follows the sites the extension may access.
  keepEarlyRecorderInSync();

  // Firefox: open a welcome tab once on install. The new panel sits behind DevTools' overflow menu
  // there, and the tab is also the only page of an add-on that WebDriver BiDi can reach (it refuses
  // to navigate to moz-extension:// URLs), which the Firefox test relies on. Chrome shows new panels
  // in the tab strip, and an extra tab would only get in the way of automation there.
  if (import.meta.env.FIREFOX) {
    browser.runtime.onInstalled.addListener((details) => {
      if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/devtools-panel.html') });
    });
  }
});
