import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { CaptureSession } from '../capture/captureSession';
import { findRotations } from '../tokens/rotation';
import { trackedTokensFor } from './trackedTokens';
import { alarmName, applyTabSchedule, fireAlarm, parseAlarmName, replanAll, EMPTY_WARNING_STATE } from './warningSchedule';
import { DEFAULT_WARNING_SETTINGS, parseWarningSettings, warningThresholds } from './warningSettings';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const s0 = T0 / 1000;

describe('warningThresholds', () => {
  it('uses the configured thresholds that fit in the lifetime, then the expiry', () => {
    expect(warningThresholds(3600, DEFAULT_WARNING_SETTINGS)).toEqual([600, 120, 0]);
    expect(warningThresholds(900, DEFAULT_WARNING_SETTINGS)).toEqual([600, 120, 0]);
  });
  it('warns at a share of the lifetime when the token lives shorter than a threshold', () => {
    expect(warningThresholds(300, DEFAULT_WARNING_SETTINGS)).toEqual([120, 75, 0]);
    expect(warningThresholds(90, DEFAULT_WARNING_SETTINGS)).toEqual([23, 0]);
    expect(warningThresholds(90, { ...DEFAULT_WARNING_SETTINGS, shareOfLifetime: 0 })).toEqual([0]);
  });
  it('reads stored settings defensively', () => {
    expect(parseWarningSettings({ thresholdsSeconds: [60, 'x', -1, 60, 600], notificationsEnabled: false })).toEqual({
      thresholdsSeconds: [600, 60],
      shareOfLifetime: 0.25,
      notificationsEnabled: false,
    });
    expect(parseWarningSettings('junk')).toEqual(DEFAULT_WARNING_SETTINGS);
  });
});

describe('the warning schedule with an injected clock', () => {
  const jwtToken = {
    fingerprint: 'aaaaaaaaaaaa',
    label: 'portal.example.com · JWT access token',
    host: 'portal.example.com',
    expiresAt: s0 + 900,
    lifetime: 900,
  };
  const opaqueToken = {
    fingerprint: 'bbbbbbbbbbbb',
    label: 'portal.example.com · opaque access token',
    host: 'portal.example.com',
    expiresAt: s0 + 75,
    lifetime: 75,
  };

  it('creates absolute-time alarms at each threshold and at expiry (JWT and opaque-with-expires_in)', () => {
    const { create } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [jwtToken, opaqueToken], { ...DEFAULT_WARNING_SETTINGS, thresholdsSeconds: [600, 60] }, T0);
    expect(create).toEqual([
      { name: alarmName(7, 'aaaaaaaaaaaa', 600), when: (s0 + 300) * 1000 },
      { name: alarmName(7, 'aaaaaaaaaaaa', 60), when: (s0 + 840) * 1000 },
      { name: alarmName(7, 'aaaaaaaaaaaa', 0), when: (s0 + 900) * 1000 },
      { name: alarmName(7, 'bbbbbbbbbbbb', 60), when: (s0 + 15) * 1000 },
      // 600 s does not fit in a 75 s lifetime: a quarter of the lifetime (19 s) stands in for it.
      { name: alarmName(7, 'bbbbbbbbbbbb', 19), when: (s0 + 56) * 1000 },
      { name: alarmName(7, 'bbbbbbbbbbbb', 0), when: (s0 + 75) * 1000 },
    ]);
  });

  it('warns once per token and threshold with a notification', () => {
    const settings = { ...DEFAULT_WARNING_SETTINGS, thresholdsSeconds: [60] };
    let { state } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [opaqueToken], settings, T0);
    const first = fireAlarm(state, alarmName(7, 'bbbbbbbbbbbb', 60), T0 + 15_000, settings);
    expect(first.notification).toMatchObject({ title: 'MCP token expires in 1 min', tabId: 7, message: expect.stringContaining('portal.example.com') });
    state = first.state;
    expect(fireAlarm(state, alarmName(7, 'bbbbbbbbbbbb', 60), T0 + 16_000, settings).notification).toBeUndefined();
    const expired = fireAlarm(state, alarmName(7, 'bbbbbbbbbbbb', 0), T0 + 75_000, settings);
    expect(expired.notification?.title).toBe('MCP token expired');
    expect(fireAlarm(state, alarmName(7, 'bbbbbbbbbbbb', 60), T0, { ...settings, notificationsEnabled: false }).notification).toBeUndefined();
  });

  it('does not notify about a token that was already long dead when first seen', () => {
    const dead = { ...opaqueToken, expiresAt: s0 - 2 * 3600 };
    const { create, state } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [dead], DEFAULT_WARNING_SETTINGS, T0);
    expect(create).toEqual([]);
    expect(state.tokens[`7|${dead.fingerprint}`]).toBeDefined();
    // Recently expired is still news: "expired" is announced (now).
    const recent = { ...opaqueToken, expiresAt: s0 - 60 };
    expect(applyTabSchedule(EMPTY_WARNING_STATE, 7, [recent], DEFAULT_WARNING_SETTINGS, T0).create.map((a) => a.name)).toEqual([
      alarmName(7, recent.fingerprint, 0),
    ]);
  });

  it('does not announce again after new thresholds when a warning as close to expiry was already given', () => {
    const settings = { ...DEFAULT_WARNING_SETTINGS, thresholdsSeconds: [600, 120] };
    let { state } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [jwtToken], settings, T0);
    state = fireAlarm(state, alarmName(7, jwtToken.fingerprint, 120), T0 + 780_000, settings).state;
    // At T0 + 800 s the user changes 120 s to 300 s: 300 s is behind us, but "2 min" was already said.
    const { create } = replanAll(state, { ...settings, thresholdsSeconds: [300] }, T0 + 800_000);
    expect(create.map((a) => a.name)).toEqual([alarmName(7, jwtToken.fingerprint, 0)]);
  });

  it('reads only its own alarm names back', () => {
    expect(parseAlarmName(alarmName(7, 'aaaaaaaaaaaa', 60))).toEqual({ tabId: 7, fingerprint: 'aaaaaaaaaaaa', threshold: 60 });
    for (const junk of [
      'mcpti|badge|7',
      'mcpti|badge-refresh',
      'mcpti|7|aaaaaaaaaaaa',
      'mcpti|7|NOTAFINGERPR|60',
      'mcpti|-1|aaaaaaaaaaaa|60',
      'x|7|aaaaaaaaaaaa|60',
      'mcpti|7|aaaaaaaaaaaa|60|x',
    ])
      expect(parseAlarmName(junk)).toBeUndefined();
  });

  it('does not announce thresholds that passed before the token was seen, except the nearest one', () => {
    const late = { ...jwtToken, expiresAt: s0 + 90 };
    const { create, state } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [late], DEFAULT_WARNING_SETTINGS, T0);
    expect(create.map((a) => a.name)).toEqual([alarmName(7, late.fingerprint, 120), alarmName(7, late.fingerprint, 0)]);
    expect(state.tokens[`7|${late.fingerprint}`].fired).toEqual([600]);
  });

  it('cancels the alarms of tokens that leave the set and keeps other tabs alone', () => {
    let { state } = applyTabSchedule(EMPTY_WARNING_STATE, 7, [jwtToken], DEFAULT_WARNING_SETTINGS, T0);
    ({ state } = applyTabSchedule(state, 8, [opaqueToken], DEFAULT_WARNING_SETTINGS, T0));
    const { state: after, clear, create } = applyTabSchedule(state, 7, [], DEFAULT_WARNING_SETTINGS, T0);
    expect(clear).toEqual([alarmName(7, jwtToken.fingerprint, 600), alarmName(7, jwtToken.fingerprint, 120), alarmName(7, jwtToken.fingerprint, 0)]);
    expect(create).toEqual([]);
    expect(Object.keys(after.tokens)).toEqual([`8|${opaqueToken.fingerprint}`]);
  });
});

describe('tracked tokens and rotation', () => {
  it('replaces an older token of the same subject and origin by the newer one, and tells no value', async () => {
    const session = new CaptureSession();
    const older = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: s0, exp: s0 + 900 });
    const newer = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: s0 + 600, exp: s0 + 1500 });
    const bob = await signedJwt({ iss: 'https://portal.example.com', sub: 'bob', iat: s0, exp: s0 + 900 });
    [older, bob, newer].forEach((token, i) =>
      session.ingest(
        harEntry({
          url: 'https://portal.example.com/mcp',
          requestHeaders: { Authorization: `Bearer ${token}` },
          startedDateTime: new Date(T0 + i * 60_000).toISOString(),
        }),
      ),
    );
    const rows = session.ledger.all();
    const fp = (v: string) => rows.find((r) => r.value === v)!.fingerprint;
    expect(findRotations(rows)).toEqual(new Map([[fp(older), fp(newer)]]));
    const tracked = trackedTokensFor(rows);
    expect(tracked.map((t) => t.fingerprint).sort()).toEqual([fp(bob), fp(newer)].sort());
    expect(tracked.find((t) => t.fingerprint === fp(newer))).toMatchObject({ expiresAt: s0 + 1500, lifetime: 900, host: 'portal.example.com' });
    const wire = JSON.stringify(tracked);
    for (const token of [older, newer, bob]) expect(wire).not.toContain(token.split('.')[2]);
  });

  it('does not call a later token with an earlier expiry a rotation', async () => {
    const session = new CaptureSession();
    const longLived = await signedJwt({ iss: 'https://p.example', sub: 'alice', iat: s0, exp: s0 + 3600 });
    const shortLived = await signedJwt({ iss: 'https://p.example', sub: 'alice', iat: s0 + 60, exp: s0 + 180 });
    session.ingest(
      harEntry({ url: 'https://p.example/mcp', requestHeaders: { Authorization: `Bearer ${longLived}` }, startedDateTime: '2026-11-26T12:00:00Z' }),
    );
    session.ingest(
      harEntry({ url: 'https://p.example/mcp', requestHeaders: { Authorization: `Bearer ${shortLived}` }, startedDateTime: '2026-11-26T12:01:00Z' }),
    );
    expect(findRotations(session.ledger.all()).size).toBe(0);
  });

  it('tracks an opaque token by the expires_in that issued it, rotates it on refresh, and skips refresh tokens', () => {
    const session = new CaptureSession();
    const issue = (access: string, refresh: string, at: string) =>
      session.ingest(
        harEntry({ method: 'POST', url: 'https://auth.example.com/oauth/token', startedDateTime: at }),
        JSON.stringify({ access_token: access, expires_in: 900, refresh_token: refresh }),
      );
    issue('oauth:first-access', 'oauth:first-refresh', '2026-11-26T12:00:00Z');
    issue('oauth:second-access', 'oauth:second-refresh', '2026-11-26T12:10:00Z');
    const tracked = trackedTokensFor(session.ledger.all());
    expect(tracked).toHaveLength(1);
    expect(tracked[0]).toMatchObject({ expiresAt: s0 + 600 + 900, lifetime: 900 });
  });
});
