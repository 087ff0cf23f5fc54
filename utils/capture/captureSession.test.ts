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
