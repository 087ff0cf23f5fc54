import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeAlarmName } from '../../utils/expiryWarnings/badgeSchedule';
import { alarmName } from '../../utils/expiryWarnings/warningSchedule';
import { SETTINGS_KEY } from '../../utils/settings/settings';
import { createExpiryWarnings } from './expiryWarnings';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const s0 = T0 / 1000;
const token = { fingerprint: 'f00dfeedbeef', label: 'portal.example.com · JWT access token', host: 'portal.example.com', expiresAt: s0 + 75, lifetime: 75 };

describe('background expiry warnings (fakeBrowser, injected clock)', () => {
  let now = T0;
  const make = () => createExpiryWarnings(fakeBrowser as never, () => now);

  beforeEach(async () => {
    fakeBrowser.reset();
    now = T0;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { thresholdsSeconds: [60], shareOfLifetime: 0, notificationsEnabled: true } });
  });

  it('sets alarms with absolute times and keeps the schedule in storage.session only', async () => {
    await make().schedule(3, [token]);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => [a.name, a.scheduledTime])).toEqual([
      [alarmName(3, token.fingerprint, 60), (s0 + 15) * 1000],
      [alarmName(3, token.fingerprint, 0), (s0 + 75) * 1000],
      // The badge's next change: "2" becomes "1" with 60 s left.
      [badgeAlarmName(3), (s0 + 15) * 1000],
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(token.fingerprint);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([SETTINGS_KEY]);
  });

  it('notifies once at the threshold, shows the minutes on the tab badge, and says expired at expiry', async () => {
    const warnings = make();
    await warnings.schedule(3, [token]);
    now = T0 + 15_000;
    await warnings.onAlarm({ name: alarmName(3, token.fingerprint, 60) });
    await warnings.onAlarm({ name: alarmName(3, token.fingerprint, 60) });
    const notes = await fakeBrowser.notifications.getAll();
    expect(Object.values(notes)).toEqual([expect.objectContaining({ title: 'MCP token expires in 1 min' })]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
    now = T0 + 75_000;
    await warnings.onAlarm({ name: alarmName(3, token.fingerprint, 0) });
    expect(Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as { title: string }).title)).toContain('MCP token expired');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('exp');
  });

  it('rebuilds the alarms from storage.session after a service-worker restart', async () => {
    await make().schedule(3, [token]);
    await fakeBrowser.alarms.clearAll(); // what a lost worker may leave behind
    fakeBrowser.alarms.create('mcpti|badge-refresh', { periodInMinutes: 0.5 }); // an earlier version's
    await make().restore();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual(
      [alarmName(3, token.fingerprint, 0), alarmName(3, token.fingerprint, 60), badgeAlarmName(3)].sort(),
    );
  });

  it("cancels the old token's alarms when a rotation replaces it in the set", async () => {
    const warnings = make();
    await warnings.schedule(3, [token]);
    const rotated = { ...token, fingerprint: 'c0ffeec0ffee', expiresAt: s0 + 900, lifetime: 900 };
    await warnings.schedule(3, [rotated]);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).every((n) => n.includes('c0ffeec0ffee') || n === badgeAlarmName(3))).toBe(true);
  });

  it('stops warning for a tab when it closes, and forgets everything on a new browser session', async () => {
    const warnings = make();
    await warnings.schedule(3, [token]);
    await warnings.schedule(4, [{ ...token, fingerprint: 'abababababab' }]);
    await warnings.onTabRemoved(3);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).every((n) => n.startsWith('mcpti|4|') || n === badgeAlarmName(4))).toBe(true);
    await warnings.onBrowserStartup();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('re-plans every token when the thresholds change, without repeating a fired warning', async () => {
    const warnings = make();
    const long = { ...token, expiresAt: s0 + 900, lifetime: 900 };
    await warnings.schedule(3, [long]);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { thresholdsSeconds: [300, 30], shareOfLifetime: 0, notificationsEnabled: true } });
    await warnings.onSettingsChanged();
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name !== badgeAlarmName(3)).map((a) => [a.name, a.scheduledTime])).toEqual([
      [alarmName(3, long.fingerprint, 300), (s0 + 600) * 1000],
      [alarmName(3, long.fingerprint, 30), (s0 + 870) * 1000],
      [alarmName(3, long.fingerprint, 0), (s0 + 900) * 1000],
    ]);
  });

  describe('the badge follows the panel’s warning window, not the notification thresholds', () => {
    const badge = (tabId = 3) => fakeBrowser.action.getBadgeText({ tabId });
    const alarmAt = async (name: string) => (await fakeBrowser.alarms.get(name))?.scheduledTime;
    const useDefaults = () => fakeBrowser.storage.local.remove(SETTINGS_KEY);

    it('shows the minutes as soon as a token already inside the window is scheduled, with default settings', async () => {
      await useDefaults();
      await make().schedule(3, [token]);
      expect(await badge()).toBe('2');
      expect(await alarmAt(badgeAlarmName(3))).toBe((s0 + 15) * 1000);
    });

    it('enters the window on its badge alarm, while the notification waits for its threshold', async () => {
      await useDefaults();
      const long = { ...token, expiresAt: s0 + 900, lifetime: 900 };
      let warnings = make();
      await warnings.schedule(3, [long]);
      expect(await badge()).toBe('');
      expect(await alarmAt(badgeAlarmName(3))).toBe((s0 + 600) * 1000);
      // The service worker slept meanwhile: a fresh instance handles the alarm.
      now = (s0 + 600) * 1000;
      warnings = make();
      await warnings.onAlarm({ name: badgeAlarmName(3) });
      expect(await badge()).toBe('5');
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
      expect(await alarmAt(badgeAlarmName(3))).toBe((s0 + 660) * 1000);
      now = (s0 + 660) * 1000;
      await warnings.onAlarm({ name: badgeAlarmName(3) });
      expect(await badge()).toBe('4');
    });

    it('clears the badge and its alarm when Clear empties the set, and when a rotation replaces the token', async () => {
      await useDefaults();
      const warnings = make();
      await warnings.schedule(3, [token]);
      await warnings.schedule(3, []);
      expect(await badge()).toBe('');
      expect(await alarmAt(badgeAlarmName(3))).toBeUndefined();
      await warnings.schedule(3, [token]);
      await warnings.schedule(3, [{ ...token, fingerprint: 'c0ffeec0ffee', expiresAt: s0 + 900, lifetime: 900 }]);
      expect(await badge()).toBe('');
      expect(await alarmAt(badgeAlarmName(3))).toBe((s0 + 600) * 1000);
    });

    it('drops the badge alarm of a closed tab', async () => {
      await useDefaults();
      const warnings = make();
      await warnings.schedule(3, [token]);
      await warnings.onTabRemoved(3);
      expect(await alarmAt(badgeAlarmName(3))).toBeUndefined();
    });

    it('moves with the warning window when the settings change', async () => {
      await useDefaults();
      const warnings = make();
      await warnings.schedule(3, [{ ...token, expiresAt: s0 + 900, lifetime: 900 }]);
      expect(await badge()).toBe('');
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { warningWindowSeconds: 1200 } });
      await warnings.onSettingsChanged();
      expect(await badge()).toBe('15');
    });

    it('sets the badge again after the tab loads a page (browsers reset it on navigation)', async () => {
      await useDefaults();
      const warnings = make();
      await warnings.schedule(3, [token]);
      await fakeBrowser.action.setBadgeText({ tabId: 3, text: '' });
      await warnings.onTabUpdated(3);
      expect(await badge()).toBe('2');
      await warnings.onTabUpdated(4);
      expect(await badge(4)).toBe('');
    });
  });

  it('focuses the tab when a warning is clicked', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://portal.example.com/', active: false });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await make().onNotificationClicked(`mcpti|${tab.id}|${token.fingerprint}|60`);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
  });
});
