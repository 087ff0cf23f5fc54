import { describe, expect, it } from 'vitest';
import type { TokenRequestEvent } from './types';
import { oauthErrorWords, refreshEventOf, refreshSummary } from './refreshBehaviour';

const request = (o: Partial<TokenRequestEvent> = {}): TokenRequestEvent => ({
  id: `${o.at ?? 1000}|https://as.example/token`,
  at: 1000,
  endpoint: 'https://as.example/token',
  origin: 'https://as.example',
  grantType: 'refresh_token',
  bodyFormat: 'form',
  resources: [],
  offlineAccessRequested: false,
  status: 200,
  ...o,
});

describe('oauthErrorWords', () => {
  it('explains every token-endpoint error code the specifications define, each differently', () => {
    const codes = ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'invalid_target'];
    const explained = codes.map(oauthErrorWords);
    expect(new Set(explained).size).toBe(codes.length);
    for (const words of explained) expect(words).not.toBe(oauthErrorWords('made_up'));
    expect(oauthErrorWords('invalid_grant')).toMatch(/sign in again/);
    expect(oauthErrorWords('invalid_target')).toMatch(/RFC 8707/);
  });

  it('does not take inherited names for codes', () => {
    for (const code of ['__proto__', 'constructor', 'toString']) expect(oauthErrorWords(code)).toBe('an error code the OAuth specifications do not define');
  });
});

describe('refreshEventOf', () => {
  it('measures the lead against the replaced token, negative after expiry', () => {
    expect(refreshEventOf(request({ at: 100_000 }), { fingerprint: 'aa', expiresAtMs: 130_400 }).leadSeconds).toBe(30);
    expect(refreshEventOf(request({ at: 100_000 }), { fingerprint: 'aa', expiresAtMs: 40_000 }).leadSeconds).toBe(-60);
    expect(refreshEventOf(request({ at: 100_000 }), { fingerprint: 'aa' }).leadSeconds).toBeUndefined();
  });

  it('knows rotation only when a refresh token was sent and the response was read', () => {
    expect(refreshEventOf(request({ refreshTokenSent: 'r1', issued: { access: 'a2', refresh: 'r2' } })).refreshRotated).toBe(true);
    expect(refreshEventOf(request({ refreshTokenSent: 'r1', issued: { access: 'a2', refresh: 'r1' } })).refreshRotated).toBe(false);
    expect(refreshEventOf(request({ refreshTokenSent: 'r1', issued: { access: 'a2' } })).refreshRotated).toBe(false);
    expect(refreshEventOf(request({ refreshTokenSent: 'r1' })).refreshRotated).toBeUndefined();
    expect(refreshEventOf(request({ grantType: 'authorization_code', issued: { access: 'a1', refresh: 'r1' } })).refreshRotated).toBeUndefined();
  });

  it('turns HTTP failures without an OAuth body into words too, and caps the server description', () => {
    expect(refreshEventOf(request({ status: 0 })).error).toEqual({ code: 'no_response', words: 'the request got no answer (network, CORS, or cancelled)' });
    expect(refreshEventOf(request({ status: 502 })).error?.code).toBe('http_502');
    const long = refreshEventOf(request({ status: 400, error: { code: 'invalid_grant', description: 'x'.repeat(1000) } }));
    expect(long.error!.description!.length).toBe(200);
  });
});

describe('refreshSummary', () => {
  const ok = (leadSeconds: number, o: Partial<ReturnType<typeof refreshEventOf>> = {}) => ({
    ...refreshEventOf(request()),
    replacedFingerprint: 'aa',
    newFingerprint: 'bb',
    leadSeconds,
    ...o,
  });

  it('counts refreshes before and after expiry separately, with median lead times', () => {
    const summary = refreshSummary([ok(30), ok(50), ok(-10), ok(40)]);
    expect(summary).toMatchObject({ refreshCount: 4, beforeExpiryCount: 3, medianLeadSeconds: 35 });
    expect(summary.sentences.slice(0, 2)).toEqual([
      'refreshes 40 s before expiry (3 of 4)',
      'let the token expire first (1 of 4), refreshing 10 s after expiry',
    ]);
  });

  it('names grant types other than refresh_token, and partial resource / offline_access use', () => {
    const summary = refreshSummary([ok(20, { grantType: 'authorization_code' }), ok(20, { resourceSent: true, offlineAccessRequested: true })]);
    expect(summary.sentences).toContain('replaces tokens with grant_type authorization_code (1), refresh_token (1)');
    expect(summary.sentences).toContain('sends resource on 1 of 2 token requests');
    expect(summary.sentences).toContain('asks for offline_access (1 of 2)');
  });

  it('groups repeated errors by code', () => {
    const failed = refreshEventOf(request({ status: 400, error: { code: 'invalid_grant', description: 'Token reused' } }));
    const summary = refreshSummary([failed, { ...failed, requestId: 'b' }]);
    expect(summary.refreshCount).toBe(0);
    expect(summary.sentences.at(-1)).toBe(`invalid_grant: ${oauthErrorWords('invalid_grant')} (2 times). The server said: “Token reused”`);
  });

  it('says when nothing was seen', () => {
    expect(refreshSummary([], []).sentences).toEqual(['no token request seen for these tokens']);
  });
});
