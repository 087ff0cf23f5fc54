import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alarmName } from '../../utils/expiryWarnings/warningSchedule';
import { SETTINGS_KEY } from '../../utils/settings';
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
    expect((await fakeBrowser.alarms.getAll()).some((a) => a.name === 'mcpti|badge-refresh')).toBe(true);
    now = T0 + 75_000;
    await warnings.onAlarm({ name: alarmName(3, token.fingerprint, 0) });
    expect(Object.values(await fakeBrowser.notifications.getAll()).map((n) => (n as { title: string }).title)).toContain('MCP token expired');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('exp');
  });

  it('rebuilds the alarms from storage.session after a service-worker restart', async () => {
    await make().schedule(3, [token]);
    await fakeBrowser.alarms.clearAll(); // what a lost worker may leave behind
    await make().restore();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual(
      [alarmName(3, token.fingerprint, 0), alarmName(3, token.fingerprint, 60)].sort(),
    );
  });

  it("cancels the old token's alarms when a rotation replaces it in the set", async () => {
    const warnings = make();
    await warnings.schedule(3, [token]);
    const rotated = { ...token, fingerprint: 'c0ffeec0ffee', expiresAt: s0 + 900, lifetime: 900 };
    await warnings.schedule(3, [rotated]);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).every((n) => n.includes('c0ffeec0ffee'))).toBe(true);
  });

  it('stops warning for a tab when it closes, and forgets everything on a new browser session', async () => {
    const warnings = make();
    await warnings.schedule(3, [token]);
    await warnings.schedule(4, [{ ...token, fingerprint: 'abababababab' }]);
    await warnings.onTabRemoved(3);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).every((n) => n.startsWith('mcpti|4|'))).toBe(true);
    await warnings.onBrowserStartup();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('re-plans every token when the thresholds change, without repeating a fired warning', async () => {
    const warnings = make();
    const long = { ...token, expiresAt: s0 + 900, lifetime: 900 };
    await warnings.schedule(3, [long]);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { thresholdsSeconds: [300, 30], shareOfLifetime: 0, notificationsEnabled: true } });
    await warnings.onSettingsChanged();
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([
      [alarmName(3, long.fingerprint, 300), (s0 + 600) * 1000],
      [alarmName(3, long.fingerprint, 30), (s0 + 870) * 1000],
      [alarmName(3, long.fingerprint, 0), (s0 + 900) * 1000],
    ]);
  });

  it('focuses the tab when a warning is clicked', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://portal.example.com/', active: false });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await make().onNotificationClicked(`mcpti|${tab.id}|${token.fingerprint}|60`);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
  });
});
