import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../capture/tokenLedger';
import { decodeToken } from '../tokens/decodeToken';
import type { McpTestReport } from './runToolsTest';
import { testRunRecord } from './testRunRecord';

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64({ alg: 'RS256' })}.${b64(claims)}.c2ln`;
const row = (value: string, extra: Partial<TokenRow> = {}): TokenRow => ({
  fingerprint: 'fp1',
  value,
  decoded: decodeToken(value),
  sources: ['authorization-header'],
  origins: [],
  names: [],
  roles: [],
  count: 1,
  firstSeen: 1_000_000,
  lastSeen: 1_000_000,
  issuedWith: [],
  ...extra,
});
const report = (o: Partial<McpTestReport>): McpTestReport => ({
  outcome: 'pass',
  url: 'https://portal.example.com/mcp?k=v',
  fellBackToSse: false,
  steps: [],
  tools: [],
  exchanges: [],
  messages: [],
  totalMs: 1,
  finishedAt: 0,
  ...o,
});

describe('the lifecycle record of a test run', () => {
  const now = 2_000_000_000_000;
  it('keeps outcome, origin and the JWT sent by fingerprint, time left (exp) and age (iat)', () => {
    const token = row(jwt({ iat: now / 1000 - 120, exp: now / 1000 + 300 }));
    expect(testRunRecord(report({ token: { fingerprint: 'fp1' } }), token, now)).toEqual({
      at: now,
      origin: 'https://portal.example.com',
      outcome: 'pass',
      tokenFingerprint: 'fp1',
      tokenSecondsLeft: 300,
      tokenAgeSeconds: 120,
    });
  });

  it('ages an opaque token from when the panel first saw it, with the expiry its token response gave', () => {
    const token = row('oauth:opaque', { firstSeen: now - 45_000, issuedExpiresAt: now / 1000 - 5 });
    const record = testRunRecord(report({ outcome: 'fail', failure: { kind: 'token-expired', message: 'm' }, token: { fingerprint: 'fp1' } }), token, now);
    expect(record).toEqual({
      at: now,
      origin: 'https://portal.example.com',
      outcome: 'fail',
      errorKind: 'token-expired',
      tokenFingerprint: 'fp1',
      tokenSecondsLeft: -5,
      tokenAgeSeconds: 45,
    });
    expect(JSON.stringify(record)).not.toContain('oauth:opaque');
  });

  it('records a run without a token as such, and none for a cancelled run', () => {
    expect(testRunRecord(report({}), undefined, now)).toEqual({ at: now, origin: 'https://portal.example.com', outcome: 'pass' });
    expect(testRunRecord(report({ outcome: 'cancelled' }), undefined, now)).toBeUndefined();
  });
});
