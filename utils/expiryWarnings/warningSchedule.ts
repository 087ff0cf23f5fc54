import { formatDuration } from '../tokens/expiry';
import { FINGERPRINT_PATTERN } from './scheduleMessage';
import type { TrackedToken } from './trackedTokens';
import { DEFAULT_WARNING_SETTINGS, warningThresholds, type WarningSettings } from './warningSettings';

/** One token of one tab, as the background remembers it (in storage.session). */
export interface ScheduledToken extends TrackedToken {
  tabId: number;
  /** Seconds before expiry, largest first, ending with 0. */
  thresholds: number[];
  /** Thresholds already warned about: never twice. */
  fired: number[];
}

export interface WarningState {
  tokens: Record<string, ScheduledToken>;
}

export const EMPTY_WARNING_STATE: WarningState = { tokens: {} };

export interface AlarmPlan {
  name: string;
  when: number;
}

export interface NotificationPlan {
  id: string;
  tabId: number;
  title: string;
  message: string;
}

/** Every alarm and notification of ours starts with this, so a new browser session can drop them all. */
export const PREFIX = 'mcpti';

const keyOf = (tabId: number, fingerprint: string) => `${tabId}|${fingerprint}`;
export const alarmName = (tabId: number, fingerprint: string, threshold: number) => `${PREFIX}|${tabId}|${fingerprint}|${threshold}`;

export function parseAlarmName(name: string): { tabId: number; fingerprint: string; threshold: number } | undefined {
  const parts = name.split('|');
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, tab, fingerprint, threshold] = parts;
  if (!/^\d+$/.test(tab) || !/^\d+$/.test(threshold) || !FINGERPRINT_PATTERN.test(fingerprint)) return undefined;
  const tabId = Number(tab);
  const t = Number(threshold);
  return Number.isSafeInteger(tabId) && Number.isSafeInteger(t) ? { tabId, fingerprint, threshold: t } : undefined;
}

/** Absolute-time alarms for the thresholds still to come (alarms with `when`, so they land on time). */
export function alarmsFor(token: ScheduledToken): AlarmPlan[] {
  return token.thresholds
    .filter((t) => !token.fired.includes(t))
    .map((t) => ({ name: alarmName(token.tabId, token.fingerprint, t), when: (token.expiresAt - t) * 1000 }));
}

/**
 * Replaces what one tab tracks with `tokens` (the devtools page always sends its whole current set).
 * Tokens that left the set — rotated away, cleared — lose their alarms; new ones get theirs; ones
 * already known keep what was fired. A threshold already behind us when a token is first seen is
 * not announced late: only the nearest passed one fires (now), larger ones are marked done.
 */
export function applyTabSchedule(
  state: WarningState,
  tabId: number,
  tokens: TrackedToken[],
  settings: WarningSettings,
  nowMs: number,
): { state: WarningState; create: AlarmPlan[]; clear: string[] } {
  const next: Record<string, ScheduledToken> = {};
  const create: AlarmPlan[] = [];
  const clear: string[] = [];
  const wanted = new Set(tokens.map((t) => keyOf(tabId, t.fingerprint)));

  for (const [key, existing] of Object.entries(state.tokens)) {
    if (existing.tabId !== tabId) next[key] = existing;
    else if (wanted.has(key)) next[key] = existing;
    else clear.push(...existing.thresholds.map((t) => alarmName(tabId, existing.fingerprint, t)));
  }
  for (const token of tokens) {
    const key = keyOf(tabId, token.fingerprint);
    if (next[key]) continue;
    next[key] = planToken({ ...token, tabId, thresholds: [], fired: [] }, settings, nowMs);
    create.push(...alarmsFor(next[key]));
  }
  return { state: { tokens: next }, create, clear };
}

/** A token first seen this long after it expired gets no notification at all: it is history, not news. */
const STALE_AFTER_MS = 3600_000;

/**
 * Thresholds for one token under `settings`, keeping what was already fired (so nothing repeats).
 * Of the thresholds already behind us, only the nearest is still announced — and not when a warning
 * at least as close to expiry was already given (new thresholds after the fact), nor for a long-dead token.
 */
function planToken(token: ScheduledToken, settings: WarningSettings, nowMs: number): ScheduledToken {
  const thresholds = warningThresholds(token.lifetime, settings);
  const fired = token.fired.filter((t) => thresholds.includes(t));
  const passed = thresholds.filter((t) => !fired.includes(t) && (token.expiresAt - t) * 1000 <= nowMs);
  const closestAnnounced = Math.min(...token.fired);
  const stale = token.fired.length === 0 && token.expiresAt * 1000 < nowMs - STALE_AFTER_MS;
  const nearestPassed = passed.length > 0 && !stale ? Math.min(...passed) : undefined;
  const announced = nearestPassed !== undefined && nearestPassed < closestAnnounced ? nearestPassed : undefined;
  return { ...token, thresholds, fired: [...fired, ...passed.filter((t) => t !== announced)] };
}

/** Settings changed: every token gets the new thresholds; alarms are rebuilt, fired warnings stay fired. */
export function replanAll(state: WarningState, settings: WarningSettings, nowMs: number): { state: WarningState; create: AlarmPlan[]; clear: string[] } {
  const clear: string[] = [];
  const create: AlarmPlan[] = [];
  const tokens: Record<string, ScheduledToken> = {};
  for (const [key, token] of Object.entries(state.tokens)) {
    clear.push(...token.thresholds.map((t) => alarmName(token.tabId, token.fingerprint, t)));
    tokens[key] = planToken(token, settings, nowMs);
    create.push(...alarmsFor(tokens[key]));
  }
  return { state: { tokens }, create, clear };
}

export function removeTab(state: WarningState, tabId: number): { state: WarningState; clear: string[] } {
  const { state: next, clear } = applyTabSchedule(state, tabId, [], DEFAULT_WARNING_SETTINGS, 0);
  return { state: next, clear };
}

/** An alarm went off: warn once for that token and threshold (unless notifications are off). The badge is `badgeSchedule`'s. */
export function fireAlarm(
  state: WarningState,
  name: string,
  nowMs: number,
  settings: WarningSettings,
): { state: WarningState; notification?: NotificationPlan } {
  const parsed = parseAlarmName(name);
  if (!parsed) return { state };
  const key = keyOf(parsed.tabId, parsed.fingerprint);
  const token = state.tokens[key];
  if (!token || token.fired.includes(parsed.threshold)) return { state };
  const updated = { ...token, fired: [...token.fired, parsed.threshold] };
  const nextState = { tokens: { ...state.tokens, [key]: updated } };
  const remaining = updated.expiresAt - Math.floor(nowMs / 1000);
  const notification: NotificationPlan | undefined = settings.notificationsEnabled
    ? {
        id: alarmName(parsed.tabId, parsed.fingerprint, parsed.threshold),
        tabId: parsed.tabId,
        title: remaining > 0 ? `MCP token expires in ${humanLeft(remaining)}` : 'MCP token expired',
        message:
          remaining > 0
            ? `MCP token for ${token.host} expires in ${humanLeft(remaining)} (${token.label}). Sign in again to get a new one.`
            : `MCP token for ${token.host} has expired (${token.label}). Requests with it now fail with 401: sign in again.`,
      }
    : undefined;
  return { state: nextState, notification };
}

/** "2 min", "45 s": what a notification says; minutes rounded up so "2 min" never means 2 min 59 s gone. */
function humanLeft(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} min` : formatDuration(seconds);
}

/** Tabs the schedule knows tokens for. */
export function trackedTabs(state: WarningState): number[] {
  return [...new Set(Object.values(state.tokens).map((t) => t.tabId))];
}

/** Guards what is read back from storage.session: a bad shape means starting clean, not crashing. */
export function parseWarningState(raw: unknown): WarningState {
  if (typeof raw !== 'object' || raw === null || typeof (raw as WarningState).tokens !== 'object') return EMPTY_WARNING_STATE;
  const tokens: Record<string, ScheduledToken> = {};
  for (const [key, t] of Object.entries((raw as WarningState).tokens ?? {})) {
    if (
      t &&
      typeof t.fingerprint === 'string' &&
      typeof t.expiresAt === 'number' &&
      typeof t.tabId === 'number' &&
      Array.isArray(t.thresholds) &&
      Array.isArray(t.fired)
    )
      tokens[key] = t;
  }
  return { tokens };
}
