import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

// The background owns only what must outlive the panel: expiry alarms and the badge (issue 4).
export default defineBackground(() => {
  // Firefox: open a welcome tab once on install. The new panel sits behind DevTools' overflow menu
  // there, and the tab is also the only page of an add-on that WebDriver BiDi can reach (it refuses
  // to navigate to moz-extension:// URLs), which the Firefox test relies on. Chrome shows new panels
  // in the tab strip, and an extra tab would only get in the way of automation there.
  if (import.meta.env.FIREFOX) {
    browser.runtime.onInstalled.addListener((details) => {
      if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/devtools-panel.html?welcome=1') });
    });
  }
});
