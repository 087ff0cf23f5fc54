import { browser } from 'wxt/browser';
import type { TrackedToken } from '../../utils/expiryWarnings/trackedTokens';
import {
  BADGE_REFRESH_ALARM,
  alarmsFor,
  applyTabSchedule,
  badgeFor,
  fireAlarm,
  parseAlarmName,
  parseWarningState,
  removeTab,
  replanAll,
  tabsWithBadges,
  type BadgePlan,
  type WarningState,
} from '../../utils/expiryWarnings/warningSchedule';
import { parseWarningSettings, type WarningSettings } from '../../utils/expiryWarnings/warningSettings';
import { SETTINGS_KEY } from '../../utils/settings';

const STATE_KEY = 'expiryWarnings';

type BrowserLike = typeof browser;

/**
 * The background's one job: warn before tracked tokens expire, also when the panel is hidden.
 * The schedule lives in storage.session (memory only, gone when the browser closes) so a restarted
 * service worker picks it up; every change runs through one queue so alarms never race.
 */
export function createExpiryWarnings(b: BrowserLike = browser, now: () => number = Date.now) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };
  const load = async (): Promise<WarningState> => parseWarningState((await b.storage.session.get(STATE_KEY))[STATE_KEY]);
  const save = (state: WarningState) => b.storage.session.set({ [STATE_KEY]: state });
  const settings = async (): Promise<WarningSettings> => parseWarningSettings((await b.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  // MV3 has `action`; the Firefox MV2 build has `browserAction` with the same badge calls.
  const badgeApi = () => b.action ?? (b as unknown as { browserAction: typeof b.action }).browserAction;

  const showBadge = async (badge: BadgePlan) => {
    const api = badgeApi();
    await api.setBadgeText({ tabId: badge.tabId, text: badge.text }).catch(() => {});
    if (badge.text) await api.setBadgeBackgroundColor({ tabId: badge.tabId, color: badge.color }).catch(() => {});
  };
  /** While any tab shows minutes, refresh them every 30 s (the shortest alarm period Chrome allows). */
  const keepBadgesFresh = async (state: WarningState) => {
    if (tabsWithBadges(state).length > 0) {
      if (!(await b.alarms.get(BADGE_REFRESH_ALARM))) b.alarms.create(BADGE_REFRESH_ALARM, { periodInMinutes: 0.5 });
    } else await b.alarms.clear(BADGE_REFRESH_ALARM);
  };

  return {
    schedule: (tabId: number, tokens: TrackedToken[]) =>
      serial(async () => {
        const { state, create, clear } = applyTabSchedule(await load(), tabId, tokens, await settings(), now());
        await Promise.all(clear.map((name) => b.alarms.clear(name)));
        for (const alarm of create) b.alarms.create(alarm.name, { when: alarm.when });
        await save(state);
        await showBadge(badgeFor(state, tabId, now()));
        await keepBadgesFresh(state);
      }),

    onAlarm: (alarm: { name: string }) =>
      serial(async () => {
        const state = await load();
        if (alarm.name === BADGE_REFRESH_ALARM) {
          for (const tabId of tabsWithBadges(state)) await showBadge(badgeFor(state, tabId, now()));
          return keepBadgesFresh(state);
        }
        if (!parseAlarmName(alarm.name)) return;
        const fired = fireAlarm(state, alarm.name, now(), await settings());
        await save(fired.state);
        if (fired.notification) {
          await b.notifications
            .create(fired.notification.id, {
              type: 'basic',
              iconUrl: b.runtime.getURL('/icon/128.png'),
              title: fired.notification.title,
              message: fired.notification.message,
              // "priority" is Chrome-only (Firefox documents it as unsupported).
              ...(import.meta.env.FIREFOX ? {} : { priority: 2 }),
            })
            .catch(() => {});
        }
        if (fired.badge) await showBadge(fired.badge);
        await keepBadgesFresh(fired.state);
      }),

    /** New thresholds from the settings view: re-plan every tracked token. */
    onSettingsChanged: () =>
      serial(async () => {
        const { state, create, clear } = replanAll(await load(), await settings(), now());
        await Promise.all(clear.map((name) => b.alarms.clear(name)));
        for (const alarm of create) b.alarms.create(alarm.name, { when: alarm.when });
        await save(state);
      }),

    onTabRemoved: (tabId: number) =>
      serial(async () => {
        const { state, clear } = removeTab(await load(), tabId);
        await Promise.all(clear.map((name) => b.alarms.clear(name)));
        await save(state);
        await keepBadgesFresh(state);
      }),

    /** A warning was clicked: bring its tab (and window) to the front. */
    onNotificationClicked: async (notificationId: string) => {
      const parsed = parseAlarmName(notificationId);
      if (!parsed) return;
      await b.notifications.clear(notificationId).catch(() => {});
      const tab = await b.tabs.update(parsed.tabId, { active: true }).catch(() => undefined);
      if (tab?.windowId !== undefined) await b.windows?.update(tab.windowId, { focused: true }).catch(() => {});
    },

    /** Service worker (re)started: re-create every pending alarm from the saved schedule. */
    restore: () =>
      serial(async () => {
        const state = await load();
        for (const token of Object.values(state.tokens)) for (const alarm of alarmsFor(token)) b.alarms.create(alarm.name, { when: alarm.when });
        await keepBadgesFresh(state);
      }),

    /** A new browser session: storage.session is empty; alarms may survive a restart, so drop ours. */
    onBrowserStartup: () =>
      serial(async () => {
        for (const alarm of [...(await b.alarms.getAll())]) if (alarm.name.startsWith('mcpti|')) await b.alarms.clear(alarm.name);
        await save({ tokens: {} });
      }),
  };
}
