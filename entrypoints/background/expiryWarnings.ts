import { browser } from 'wxt/browser';
import { badgeAlarmName, parseBadgeAlarmName, planBadges, type BadgePlan } from '../../utils/expiryWarnings/badgeSchedule';
import type { TrackedToken } from '../../utils/expiryWarnings/trackedTokens';
import {
  PREFIX,
  alarmsFor,
  applyTabSchedule,
  fireAlarm,
  parseAlarmName,
  parseWarningState,
  removeTab,
  replanAll,
  trackedTabs,
  type AlarmPlan,
  type WarningState,
  EMPTY_WARNING_STATE,
} from '../../utils/expiryWarnings/warningSchedule';
import { SETTINGS_KEY, parseSettings, type InspectorSettings } from '../../utils/settings/settings';

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
  // The panel's settings object: the notification thresholds and the panel's own warning window.
  const settings = async (): Promise<InspectorSettings> => parseSettings((await b.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  // MV3 has `action`; the Firefox MV2 build has `browserAction` with the same badge calls.
  const badgeApi = () => b.action ?? (b as unknown as { browserAction: typeof b.action }).browserAction;

  const createAlarms = (alarms: AlarmPlan[]) => {
    for (const alarm of alarms) b.alarms.create(alarm.name, { when: alarm.when });
  };
  const clearAlarms = (names: string[]) => Promise.all(names.map((name) => b.alarms.clear(name)));
  const showBadge = async (badge: BadgePlan) => {
    const api = badgeApi();
    await api.setBadgeText({ tabId: badge.tabId, text: badge.text }).catch(() => {});
    if (badge.text) await api.setBadgeBackgroundColor({ tabId: badge.tabId, color: badge.color }).catch(() => {});
  };
  /** Sets the badges of `tabIds` now and one alarm per tab for the next change, so they stay current while the worker sleeps. */
  const refreshBadges = async (state: WarningState, tabIds: number[]) => {
    const plan = planBadges(state, tabIds, now(), (await settings()).warningWindowSeconds);
    await Promise.all(plan.badges.map(showBadge));
    await clearAlarms(plan.clear);
    createAlarms(plan.create);
  };

  return {
    schedule: (tabId: number, tokens: TrackedToken[]) =>
      serial(async () => {
        const { state, create, clear } = applyTabSchedule(await load(), tabId, tokens, await settings(), now());
        await clearAlarms(clear);
        createAlarms(create);
        await save(state);
        await refreshBadges(state, [tabId]);
      }),

    onAlarm: (alarm: { name: string }) =>
      serial(async () => {
        const state = await load();
        const badgeTab = parseBadgeAlarmName(alarm.name);
        if (badgeTab !== undefined) return refreshBadges(state, [badgeTab]);
        const parsed = parseAlarmName(alarm.name);
        if (!parsed) return;
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
        await refreshBadges(fired.state, [parsed.tabId]);
      }),

    /** New settings from the settings view: re-plan every tracked token's warnings, and every badge (the window may have moved). */
    onSettingsChanged: () =>
      serial(async () => {
        const { state, create, clear } = replanAll(await load(), await settings(), now());
        await clearAlarms(clear);
        createAlarms(create);
        await save(state);
        await refreshBadges(state, trackedTabs(state));
      }),

    onTabRemoved: (tabId: number) =>
      serial(async () => {
        const { state, clear } = removeTab(await load(), tabId);
        await clearAlarms(clear);
        await save(state);
        await refreshBadges(state, [tabId]);
      }),

    /**
     * The tab loaded a page: browsers reset a tab's badge on navigation, but its tokens (and the
     * panel's "expiring") survive it, so the badge is set again.
     */
    onTabUpdated: (tabId: number) =>
      serial(async () => {
        const state = await load();
        if (trackedTabs(state).includes(tabId)) await refreshBadges(state, [tabId]);
      }),

    /** A warning was clicked: bring its tab (and window) to the front. */
    onNotificationClicked: async (notificationId: string) => {
      const parsed = parseAlarmName(notificationId);
      if (!parsed) return;
      await b.notifications.clear(notificationId).catch(() => {});
      const tab = await b.tabs.update(parsed.tabId, { active: true }).catch(() => undefined);
      if (tab?.windowId !== undefined) await b.windows?.update(tab.windowId, { focused: true }).catch(() => {});
    },

    /** Service worker (re)started: re-create every pending alarm from the saved schedule, drop any other of ours. */
    restore: () =>
      serial(async () => {
        const state = await load();
        const planned = Object.values(state.tokens).flatMap(alarmsFor);
        const tabs = trackedTabs(state);
        const keep = new Set([...planned.map((a) => a.name), ...tabs.map(badgeAlarmName)]);
        await clearAlarms((await b.alarms.getAll()).map((a) => a.name).filter((name) => name.startsWith(`${PREFIX}|`) && !keep.has(name)));
        createAlarms(planned);
        await refreshBadges(state, tabs);
      }),

    /** A new browser session: storage.session is empty; alarms may survive a restart, so drop ours. */
    onBrowserStartup: () =>
      serial(async () => {
        await clearAlarms((await b.alarms.getAll()).map((a) => a.name).filter((name) => name.startsWith(`${PREFIX}|`)));
        await save(EMPTY_WARNING_STATE);
      }),
  };
}
