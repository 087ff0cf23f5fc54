import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { CaptureSession } from './captureSession';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, 0) + ms).toISOString();
const tokenRequest = (ms: number) => harEntry({ method: 'POST', url: 'https://portal.example.com/oauth/token?x=1', startedDateTime: at(ms) });
const bearer = (token: string, ms: number) =>
  harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: `Bearer ${token}` }, startedDateTime: at(ms) });

describe('CaptureSession: a token whose token response DevTools lost', () => {
  it('is marked "expiry lost" (with the endpoint, no query) when it appears right after the lost response', () => {
    const session = new CaptureSession();
    session.ingest(tokenRequest(0), undefined, { bodyLost: true });
    const [row] = session.ingest(bearer('oauth:after-the-lost-response', 300), undefined);
    expect(row.expiryLost).toEqual({ endpoint: 'https://portal.example.com/oauth/token', at: Date.parse(at(0)) });
    expect(session.stats.bodiesLost).toBe(1);
  });

  it('is marked too when it was seen before the lost response was reported (the body was waited for)', () => {
    const session = new CaptureSession();
    session.ingest(bearer('oauth:seen-first', 300), undefined);
    const changed = session.ingest(tokenRequest(0), undefined, { bodyLost: true });
    expect(changed.map((r) => r.value)).toEqual(['oauth:seen-first']);
    expect(changed[0].expiryLost?.endpoint).toBe('https://portal.example.com/oauth/token');
  });

  it('is not marked when its expiry is known, when it came before the response, or long after it', () => {
    const session = new CaptureSession();
    session.ingest(bearer('oauth:earlier', -5_000), undefined);
    session.ingest(tokenRequest(0), undefined, { bodyLost: true });
    session.ingest(bearer('oauth:much-later', 10 * 60_000), undefined);
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url')}.c2ln`;
    session.ingest(bearer(jwt, 100), undefined);
    expect(session.ledger.all().filter((r) => r.expiryLost)).toEqual([]);
  });

  it('fills in the expiry when the lost body is recovered later, without counting the request twice', () => {
    const session = new CaptureSession();
    session.ingest(tokenRequest(0), undefined, { bodyLost: true });
    session.ingest(bearer('oauth:late', 300), undefined);
    const changed = session.recoverLostBody(tokenRequest(0), JSON.stringify({ access_token: 'oauth:late', expires_in: 900, refresh_token: 'oauth:late-rt' }));
    const row = changed.find((r) => r.value === 'oauth:late');
    expect(row?.issuedExpiresAt).toBe(Date.parse(at(0)) / 1000 + 900);
    expect(row?.sources.sort()).toEqual(['authorization-header', 'token-response']);
    expect(changed.map((r) => r.value)).toContain('oauth:late-rt');
    expect(session.stats).toMatchObject({ requestsSeen: 2, bodiesLost: 0, bodiesRead: 1 });
  });
});

describe("CaptureSession: the page's token requests (lifecycle)", () => {
  const refresh = (ms: number, status = 200) => ({
    ...harEntry({
      method: 'POST',
      url: 'https://portal.example.com/oauth/token',
      startedDateTime: at(ms),
      status,
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'grant_type=refresh_token&refresh_token=rt-1&resource=https%3A%2F%2Fportal.example.com%2Fmcp',
      },
    }),
  });

  it('records each token request once (live and backfill report the same one), oldest first, and bumps the version', () => {
    const session = new CaptureSession();
    const v0 = session.lifecycleVersion;
    session.ingest(refresh(5_000), JSON.stringify({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 60 }));
    session.ingest(refresh(0), undefined, { backfill: true });
    session.ingest(refresh(5_000), undefined, { backfill: true });
    session.ingest(bearer('at-2', 6_000));
    expect(session.tokenRequests.map((r) => [r.at - Date.parse(at(0)), r.grantType, r.issued?.refresh !== undefined])).toEqual([
      [0, 'refresh_token', false],
      [5_000, 'refresh_token', true],
    ]);
    expect(session.lifecycleVersion).toBe(v0 + 2);
  });

  it('fills in what a lost token response issued when its body is recovered later', () => {
    const session = new CaptureSession();
    session.ingest(refresh(0), undefined, { bodyLost: true });
    expect(session.tokenRequests[0].issued).toBeUndefined();
    session.recoverLostBody(refresh(0), JSON.stringify({ access_token: 'at-late', expires_in: 30 }));
    expect(session.tokenRequests[0].issued).toMatchObject({ expiresIn: 30 });
  });

  it('keeps the OAuth error of a failed refresh, and test runs; clear forgets both', () => {
    const session = new CaptureSession();
    session.ingest(refresh(0, 400), JSON.stringify({ error: 'invalid_grant' }));
    session.addTestRun({ at: 1, origin: 'https://portal.example.com', outcome: 'pass' });
    expect(session.tokenRequests[0].error).toEqual({ code: 'invalid_grant' });
    expect(session.testRuns).toHaveLength(1);
    session.clear();
    expect([session.tokenRequests, session.testRuns]).toEqual([[], []]);
  });

  it('restores saved records under the ones seen since, without doubles', () => {
    const session = new CaptureSession();
    session.ingest(refresh(5_000));
    const saved = new CaptureSession();
    saved.ingest(refresh(0));
    saved.ingest(refresh(5_000));
    saved.addTestRun({ at: 1, origin: 'o', outcome: 'fail' });
    session.restore([], [], { tokenRequests: saved.tokenRequests, testRuns: saved.testRuns });
    expect(session.tokenRequests.map((r) => r.at - Date.parse(at(0)))).toEqual([0, 5_000]);
    expect(session.testRuns).toHaveLength(1);
  });
});
