import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LifetimeStats, RefreshEvent, TestStats } from '../../utils/lifecycle/model';
import { HandOffView } from './HandOffView';
import { lineage, row, step } from './lifecycleFixtures.test-helper';
import { LineageList, NO_TOKEN_REQUESTS } from './LineageView';
import { LifetimeStatsList, TestStatsView } from './StatsView';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const hostile = '<img src=x onerror=alert(1)>';
const a1 = row('opaque-access-one-0000000001');
const a2 = row('opaque-access-two-0000000002');
const copy = async () => true;
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

const refreshEvent = (over: Partial<RefreshEvent>): RefreshEvent => ({
  requestId: 'r1',
  at: T0 + 596_000,
  grantType: 'refresh_token',
  endpoint: 'https://auth.example/token',
  replacedFingerprint: a1.fingerprint,
  newFingerprint: a2.fingerprint,
  leadSeconds: 4,
  resourceSent: true,
  resources: ['https://mcp.example/mcp'],
  offlineAccessRequested: true,
  refreshRotated: true,
  status: 200,
  ...over,
});

describe('LineageList', () => {
  const twoTokens = lineage(
    'site-a',
    [{ ...step(a1, T0, 600), replacedBy: { fingerprint: a2.fingerprint, requestId: 'r1' } }, step(a2, T0 + 596_000, undefined)],
    {
      label: `https://auth.example · ${hostile}`,
      refreshes: [
        refreshEvent({}),
        refreshEvent({
          requestId: 'r2',
          at: T0 + 700_000,
          leadSeconds: undefined,
          newFingerprint: undefined,
          refreshRotated: undefined,
          status: 400,
          resourceSent: false,
          resources: [],
          error: { code: 'invalid_grant', words: 'the refresh token was refused', description: hostile },
        }),
      ],
      gaps: [{ fromMs: T0 + 600_000, toMs: T0 + 610_000 }],
    },
  );

  it('lists each token oldest first with its facts, one refresh event per replacing request and the failed request apart', () => {
    const html = renderToString(createElement(LineageList, { lineages: [twoTokens], requestsSeen: 0, nowMs: T0 + 620_000 }));
    expect(html).toMatch(/data-testid="lineage" data-token-count="2"/);
    const tokens = [...html.matchAll(/data-testid="lineage-token" data-fingerprint="(\w+)" data-lifetime-seconds="(\d*)"/g)].map((m) => [m[1], m[2]]);
    expect(tokens).toEqual([
      [a1.fingerprint, '600'],
      [a2.fingerprint, ''],
    ]);
    expect(html).toMatch(
      /data-testid="refresh-event" data-grant-type="refresh_token" data-lead-seconds="4" data-resource-sent="true" data-refresh-rotated="true"/,
    );
    expect(html.match(/data-testid="refresh-event"/g)).toHaveLength(1);
    expect(html).toMatch(/data-testid="token-request-error"[^>]*data-status="400"/);
    const text = visibleText(html);
    expect(text).toContain('4 s before expiry, refresh token rotated, resource sent (https://mcp.example/mcp), asked for offline_access');
    expect(text).toContain('invalid_grant: the refresh token was refused');
    expect(text).toContain('No valid token for 10 s');
    expect(text).toContain('lifetime unknown');
  });

  it('renders what the page and its server sent as text, never as markup', () => {
    const html = renderToString(createElement(LineageList, { lineages: [twoTokens], requestsSeen: 0, nowMs: T0 }));
    expect(html).not.toContain('<img');
    expect(visibleText(html)).toContain(`The server said: “${hostile}”`);
  });

  it('says plainly when no token request was seen, and names the grant that issued a token when one was', () => {
    const empty = visibleText(renderToString(createElement(LineageList, { lineages: [], requestsSeen: 0, nowMs: T0 })));
    expect(empty).toContain(NO_TOKEN_REQUESTS);
    const signIn = refreshEvent({ requestId: 's', at: T0, grantType: 'authorization_code', replacedFingerprint: undefined, newFingerprint: a1.fingerprint });
    const withSignIn = { ...twoTokens, requests: [signIn, ...twoTokens.refreshes] };
    const text = visibleText(renderToString(createElement(LineageList, { lineages: [withSignIn], requestsSeen: 3, nowMs: T0 })));
    expect(text).not.toContain(NO_TOKEN_REQUESTS);
    expect(text).toMatch(/issued \S+ via authorization_code/);
  });
});

describe('statistics', () => {
  const stats: LifetimeStats = {
    key: 'iss:https://auth.example',
    label: 'https://auth.example',
    count: 3,
    knownCount: 2,
    minSeconds: 600,
    medianSeconds: 1800,
    maxSeconds: 3000,
    refreshEvents: 2,
    lifetimes: [600, 3000],
    points: [
      { fingerprint: a1.fingerprint, firstSeenMs: T0, lifetimeSeconds: 600 },
      { fingerprint: a2.fingerprint, firstSeenMs: T0 + 1, lifetimeSeconds: 3000 },
    ],
  };

  it('gives the lifetimes per issuer in attributes and words, with a bar per token', () => {
    const html = renderToString(createElement(LifetimeStatsList, { stats: [stats] }));
    expect(html).toMatch(/data-count="3" data-min-seconds="600" data-median-seconds="1800" data-max-seconds="3000"/);
    expect(html.match(/<rect/g)).toHaveLength(2);
    expect(visibleText(html)).toContain('3 access tokens · lifetime min 10 m 0 s, median 30 m 0 s, max 50 m 0 s (known for 2) · 2 refreshes');
  });

  it('gives the test outcomes for the target origin, and an empty state without runs', () => {
    const runs: TestStats = {
      origin: 'https://mcp.example',
      runs: 3,
      passes: 2,
      byAge: [],
      byTimeLeft: [],
      failures: [{ kind: 'token-expired', count: 1 }],
      ageWords: 'first 5 min: 2/2; 5–15 min: 0/1',
      timeLeftWords: '',
      timeline: [
        { at: T0, outcome: 'pass' },
        { at: T0 + 1, outcome: 'pass' },
        { at: T0 + 2, outcome: 'fail', errorKind: 'token-expired', secondsLeft: -5 },
      ],
    };
    const html = renderToString(createElement(TestStatsView, { stats: runs, origin: runs.origin }));
    expect(html).toMatch(/data-testid="test-stats" data-runs="3" data-passes="2"/);
    expect(visibleText(html)).toContain('By token age: first 5 min: 2/2; 5–15 min: 0/1');
    expect(visibleText(html)).toContain('token-expired ×1');
    expect(html.match(/class="fail"/g)).toHaveLength(1);
    const none = renderToString(createElement(TestStatsView, { stats: { ...runs, runs: 0, passes: 0, timeline: [] }, origin: runs.origin }));
    expect(visibleText(none)).toContain('No Test tools now runs against https://mcp.example yet.');
  });
});

describe('HandOffView', () => {
  it('shows every format redacted by default, each preview the text of its copy button, and no byte of the token', () => {
    const lineages = [lineage('site-a', [step(a1, T0, 600), step(a2, T0 + 300_000, 600)])];
    const html = renderToString(createElement(HandOffView, { lineages, rows: [a1, a2], nowMs: T0 + 310_000, defaultUrl: 'https://mcp.example/mcp', copy }));
    const formats = [...html.matchAll(/data-testid="export-preview" data-format="([\w-]+)"/g)].map((m) => m[1]);
    expect(formats).toEqual(expect.arrayContaining(['env', 'mcp-remote', 'inspector-cli', 'claude-desktop', 'claude-api', 'curl']));
    expect([...html.matchAll(/data-testid="export-copy" data-format="([\w-]+)"/g)].map((m) => m[1])).toEqual(formats);
    expect(html).toMatch(new RegExp(`data-testid="hand-off" data-fingerprint="${a2.fingerprint}"`));
    expect(html).not.toContain(a2.value);
    expect(html).not.toContain(a1.value);
    expect(html.match(/&lt;TOKEN&gt;/g)?.length).toBeGreaterThanOrEqual(formats.length);
    expect(html).toContain('data-testid="export-include-token"');
    expect(html).not.toMatch(/data-testid="export-include-token"[^>]*checked/);
  });

  it('says why no snippet is made for a target that is not http(s), instead of a snippet', () => {
    const lineages = [lineage('site-a', [step(a1, T0, 600)])];
    const html = renderToString(createElement(HandOffView, { lineages, rows: [a1], nowMs: T0, defaultUrl: 'javascript:alert(1)', copy }));
    expect(visibleText(html)).toContain('No snippet can be made: the URL is not http or https.');
  });

  it('says there is nothing to hand on before the page has a token', () => {
    expect(visibleText(renderToString(createElement(HandOffView, { lineages: [], rows: [], nowMs: T0, copy })))).toContain('No access token to hand on yet.');
  });
});
