import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { CaptureSession } from '../capture/captureSession';
import { tokenTiming } from '../tokens/tokenTiming';
import { BADGE_COLORS, badgeAlarmName, badgeFor, nextBadgeChangeMs, parseBadgeAlarmName, planBadges } from './badgeSchedule';
import { trackedTokensFor, type TrackedToken } from './trackedTokens';
import { applyTabSchedule, EMPTY_WARNING_STATE, type WarningState } from './warningSchedule';
import { DEFAULT_WARNING_SETTINGS } from './warningSettings';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const s0 = T0 / 1000;
const WINDOW = 300; // the panel's default warning window

const token = (fingerprint: string, expiresAt: number, lifetime?: number): TrackedToken => ({
  fingerprint,
  label: 'portal.example.com · JWT access token',
  host: 'portal.example.com',
  expiresAt,
  ...(lifetime ? { lifetime } : {}),
});
const stateWith = (tabId: number, tokens: TrackedToken[], nowMs = T0): WarningState =>
  applyTabSchedule(EMPTY_WARNING_STATE, tabId, tokens, DEFAULT_WARNING_SETTINGS, nowMs).state;

/** Follows the badge alarms the way the background does, from `fromMs` until no alarm is left: what the user sees, and when. */
function followBadge(state: WarningState, tabId: number, fromMs: number, windowSeconds = WINDOW): { at: number; text: string }[] {
  const seen: { at: number; text: string }[] = [];
  let at: number | undefined = fromMs;
  while (at !== undefined && seen.length < 500) {
    const { badges, create } = planBadges(state, [tabId], at, windowSeconds);
    seen.push({ at, text: badges[0].text });
    at = create[0]?.when;
  }
  return seen;
}

describe('the badge says what the panel says', () => {
  it('is empty while the token is valid, and an absolute-time alarm waits at the start of the warning window', () => {
    const state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 900, 900)]);
    const plan = planBadges(state, [7], T0, WINDOW);
    expect(plan.badges).toEqual([{ tabId: 7, text: '', color: BADGE_COLORS.none }]);
    expect(plan.create).toEqual([{ name: badgeAlarmName(7), when: (s0 + 600) * 1000 }]);
    // At the alarm: the minutes, at once (not at the 10-minute or 2-minute notification thresholds).
    expect(badgeFor(state, 7, (s0 + 600) * 1000, WINDOW)).toEqual({ tabId: 7, text: '5', color: BADGE_COLORS.soon });
    expect(badgeFor(state, 7, (s0 + 600) * 1000 - 1, WINDOW).text).toBe('');
  });

  it('shows the minutes at once for a token already inside the window on arrival, then counts down and says exp', () => {
    // The case the badge used to miss: a 75 s token under default settings, "expiring" in the panel from the start.
    const state = stateWith(7, [token('bbbbbbbbbbbb', s0 + 75, 75)]);
    expect(badgeFor(state, 7, T0, WINDOW)).toEqual({ tabId: 7, text: '2', color: BADGE_COLORS.urgent });
    expect(followBadge(state, 7, T0)).toEqual([
      { at: T0, text: '2' },
      { at: (s0 + 15) * 1000, text: '1' },
      { at: (s0 + 75) * 1000, text: 'exp' },
    ]);
  });

  it('turns red for the last two minutes and updates at every whole minute', () => {
    const state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 900, 900)]);
    const seen = followBadge(state, 7, T0);
    expect(seen.map((s) => s.text)).toEqual(['', '5', '4', '3', '2', '1', 'exp']);
    expect(seen.map((s) => s.at / 1000 - s0)).toEqual([0, 600, 660, 720, 780, 840, 900]);
    expect(badgeFor(state, 7, (s0 + 779) * 1000, WINDOW).color).toBe(BADGE_COLORS.soon);
    expect(badgeFor(state, 7, (s0 + 780) * 1000, WINDOW).color).toBe(BADGE_COLORS.urgent);
  });

  it('says exp for a token that had expired before it arrived, and plans nothing more', () => {
    const state = stateWith(7, [token('cccccccccccc', s0 - 30)]);
    const plan = planBadges(state, [7], T0, WINDOW);
    expect(plan.badges[0]).toEqual({ tabId: 7, text: 'exp', color: BADGE_COLORS.expired });
    expect(plan.create).toEqual([]);
    expect(plan.clear).toEqual([badgeAlarmName(7)]);
  });

  it('follows the soonest token of the tab, and leaves other tabs alone', () => {
    let state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 900), token('bbbbbbbbbbbb', s0 + 200), token('cccccccccccc', s0 - 5)]);
    state = applyTabSchedule(state, 8, [token('dddddddddddd', s0 + 3600)], DEFAULT_WARNING_SETTINGS, T0).state;
    expect(badgeFor(state, 7, T0, WINDOW).text).toBe('exp');
    state = applyTabSchedule(state, 7, [token('aaaaaaaaaaaa', s0 + 900), token('bbbbbbbbbbbb', s0 + 200)], DEFAULT_WARNING_SETTINGS, T0).state;
    expect(badgeFor(state, 7, T0, WINDOW).text).toBe('4');
    expect(badgeFor(state, 8, T0, WINDOW).text).toBe('');
    expect(nextBadgeChangeMs(state, 7, T0, WINDOW)).toBe((s0 + 20) * 1000);
  });

  it('clears when a rotation replaces the token, and waits for the new one to enter the window', () => {
    let state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 75, 75)]);
    expect(badgeFor(state, 7, T0, WINDOW).text).toBe('2');
    // The devtools page sends the new set: the old token is rotated away, the new one lives 15 min.
    state = applyTabSchedule(state, 7, [token('eeeeeeeeeeee', s0 + 910, 900)], DEFAULT_WARNING_SETTINGS, T0 + 10_000).state;
    const plan = planBadges(state, [7], T0 + 10_000, WINDOW);
    expect(plan.badges[0].text).toBe('');
    expect(plan.create).toEqual([{ name: badgeAlarmName(7), when: (s0 + 610) * 1000 }]);
  });

  it('clears, with its alarm, when the tab has no tokens left (Clear, or the tab closed)', () => {
    const state = applyTabSchedule(stateWith(7, [token('aaaaaaaaaaaa', s0 + 75)]), 7, [], DEFAULT_WARNING_SETTINGS, T0).state;
    expect(planBadges(state, [7], T0, WINDOW)).toEqual({ badges: [{ tabId: 7, text: '', color: BADGE_COLORS.none }], create: [], clear: [badgeAlarmName(7)] });
  });

  it('moves with the warning window when the setting changes', () => {
    const state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 900, 900)]);
    expect(badgeFor(state, 7, T0, 300).text).toBe('');
    const wider = planBadges(state, [7], T0, 1200);
    expect(wider.badges[0].text).toBe('15');
    expect(wider.create[0].when).toBe((s0 + 60) * 1000);
    const narrower = planBadges(state, [7], (s0 + 700) * 1000, 60);
    expect(narrower.badges[0].text).toBe('');
    expect(narrower.create[0].when).toBe((s0 + 840) * 1000);
    // A window of 0: never "expiring", only "expired".
    expect(followBadge(state, 7, T0, 0).map((s) => s.text)).toEqual(['', 'exp']);
  });

  it('counts hours when the window is wider than 99 minutes, and switches to minutes on time', () => {
    const state = stateWith(7, [token('aaaaaaaaaaaa', s0 + 3 * 3600)]);
    const seen = followBadge(state, 7, T0, 7 * 86400);
    expect(seen.slice(0, 4)).toEqual([
      { at: T0, text: '3h' },
      { at: (s0 + 3600) * 1000, text: '2h' },
      { at: (s0 + 3 * 3600 - 99 * 60) * 1000, text: '99' },
      { at: (s0 + 3 * 3600 - 98 * 60) * 1000, text: '98' },
    ]);
    expect(seen.at(-1)).toEqual({ at: (s0 + 3 * 3600) * 1000, text: 'exp' });
  });

  it('names its alarms so they are told apart from threshold alarms', () => {
    expect(parseBadgeAlarmName(badgeAlarmName(42))).toBe(42);
    for (const junk of ['mcpti|badge|', 'mcpti|badge|-1', 'mcpti|badge|4x', 'mcpti|42|aaaaaaaaaaaa|0', 'mcpti|badge-refresh'])
      expect(parseBadgeAlarmName(junk)).toBeUndefined();
  });

  it('agrees with the panel’s status of the real row at every second and at the window’s edges', async () => {
    const session = new CaptureSession();
    const jwt = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: s0, exp: s0 + 400 });
    session.ingest(
      harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: new Date(T0).toISOString() }),
    );
    const [row] = session.ledger.all();
    const state = stateWith(7, trackedTokensFor([row]));
    for (const windowSeconds of [0, 60, 300, 1000]) {
      const edges = [(s0 + 400 - windowSeconds) * 1000, (s0 + 400) * 1000].flatMap((t) => [t - 1, t, t + 1]);
      const seconds = Array.from({ length: 460 }, (_, i) => T0 + i * 1000);
      for (const at of [...seconds, ...edges]) {
        const status = tokenTiming(row, at, windowSeconds).status;
        const text = badgeFor(state, 7, at, windowSeconds).text;
        expect({ at, windowSeconds, status, text: text === '' ? '' : text === 'exp' ? 'exp' : 'minutes' }).toEqual({
          at,
          windowSeconds,
          status,
          text: status === 'expiring' ? 'minutes' : status === 'expired' ? 'exp' : '',
        });
      }
    }
  });
});
