import { expiringFromMs, expiryStatus } from '../tokens/expiry';
import { PREFIX, type AlarmPlan, type ScheduledToken, type WarningState } from './warningSchedule';

/**
 * The toolbar badge of a tab says what the panel says: minutes left while one of the tab's current
 * tokens is `expiring` (inside the panel's warning window), `exp` once one is `expired`, nothing
 * otherwise. Status comes from `expiryStatus`, the function the panel uses. Notifications keep their
 * own thresholds (warningSchedule.ts); the badge does not wait for them.
 */
export interface BadgePlan {
  tabId: number;
  text: string;
  color: string;
}

export const BADGE_COLORS = { soon: '#e37400', urgent: '#d93025', expired: '#a50e0e', none: '#00000000' } as const;

/** Red from this many seconds left. */
const URGENT_SECONDS = 120;
/** Beyond this many minutes the badge counts hours ("3h"): a badge has room for about four characters. */
const MAX_MINUTES_SHOWN = 99;

const BADGE_ALARM = `${PREFIX}|badge|`;
export const badgeAlarmName = (tabId: number) => `${BADGE_ALARM}${tabId}`;

export function parseBadgeAlarmName(name: string): number | undefined {
  if (!name.startsWith(BADGE_ALARM)) return undefined;
  const tab = name.slice(BADGE_ALARM.length);
  return /^\d+$/.test(tab) && Number.isSafeInteger(Number(tab)) ? Number(tab) : undefined;
}

const tokensOf = (state: WarningState, tabId: number) => Object.values(state.tokens).filter((t) => t.tabId === tabId);

function statusOf(token: ScheduledToken, nowMs: number, warningWindowSeconds: number) {
  return expiryStatus({ expiresAt: token.expiresAt }, nowMs, warningWindowSeconds);
}

/** The badge of one tab at `nowMs`: the soonest-expiring of its tokens that the panel calls expiring or expired. */
export function badgeFor(state: WarningState, tabId: number, nowMs: number, warningWindowSeconds: number): BadgePlan {
  const shown = tokensOf(state, tabId).filter((t) => {
    const status = statusOf(t, nowMs, warningWindowSeconds);
    return status === 'expiring' || status === 'expired';
  });
  if (shown.length === 0) return { tabId, text: '', color: BADGE_COLORS.none };
  const soonest = shown.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
  if (statusOf(soonest, nowMs, warningWindowSeconds) === 'expired') return { tabId, text: 'exp', color: BADGE_COLORS.expired };
  const seconds = soonest.expiresAt - nowMs / 1000;
  return { tabId, text: timeLeftText(seconds), color: seconds <= URGENT_SECONDS ? BADGE_COLORS.urgent : BADGE_COLORS.soon };
}

/** Minutes left, rounded up ("1" is the last minute); whole hours beyond 99 minutes. */
function timeLeftText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= MAX_MINUTES_SHOWN ? String(minutes) : `${Math.ceil(seconds / 3600)}h`;
}

/**
 * The next instant (ms) at which the badge of `tabId` may read differently: a token entering the
 * warning window, the next minute (or hour) of a countdown, an expiry. Undefined once every token
 * of the tab has expired: "exp" stays until the token goes.
 */
export function nextBadgeChangeMs(state: WarningState, tabId: number, nowMs: number, warningWindowSeconds: number): number | undefined {
  let next: number | undefined;
  for (const token of tokensOf(state, tabId)) {
    const at = nextChangeOfToken(token, nowMs, warningWindowSeconds);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next;
}

function nextChangeOfToken(token: ScheduledToken, nowMs: number, warningWindowSeconds: number): number | undefined {
  const status = statusOf(token, nowMs, warningWindowSeconds);
  if (status === 'valid') return expiringFromMs(token.expiresAt, warningWindowSeconds);
  if (status !== 'expiring') return undefined;
  const expiresAtMs = token.expiresAt * 1000;
  const seconds = (expiresAtMs - nowMs) / 1000;
  // The text changes when the rounded-up count drops: at each whole unit before expiry, and at expiry itself.
  const unit = Math.ceil(seconds / 60) <= MAX_MINUTES_SHOWN ? 60 : 3600;
  const step = expiresAtMs - (Math.ceil(seconds / unit) - 1) * unit * 1000;
  return unit === 60 ? step : Math.min(step, expiresAtMs - MAX_MINUTES_SHOWN * 60_000);
}

/**
 * What to do for `tabIds` now: each tab's badge, and one absolute-time alarm per tab at its next
 * change (or the alarm cleared when nothing will change). Alarms let a sleeping service worker keep
 * the badge current; the badge itself is set at once, never left to an alarm.
 */
export function planBadges(
  state: WarningState,
  tabIds: number[],
  nowMs: number,
  warningWindowSeconds: number,
): { badges: BadgePlan[]; create: AlarmPlan[]; clear: string[] } {
  const badges: BadgePlan[] = [];
  const create: AlarmPlan[] = [];
  const clear: string[] = [];
  for (const tabId of new Set(tabIds)) {
    badges.push(badgeFor(state, tabId, nowMs, warningWindowSeconds));
    const when = nextBadgeChangeMs(state, tabId, nowMs, warningWindowSeconds);
    if (when === undefined) clear.push(badgeAlarmName(tabId));
    else create.push({ name: badgeAlarmName(tabId), when });
  }
  return { badges, create, clear };
}
