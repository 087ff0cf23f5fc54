import { describe, expect, it } from 'vitest';
import { decodeToken } from './decodeToken';
import { expiryFacts, expiryStatus, formatDuration, formatRelative, remainingSeconds } from './expiry';
import { signedJwt, unsignedJwt } from '../../test-support/tokens';

const at = (seconds: number) => seconds * 1000;

describe('expiry', () => {
  const exp = 1_800_000_000;

  it('moves through valid → expiring → expired with an injected clock', () => {
    const facts = { expiresAt: exp, source: 'exp-claim' as const };
    expect(expiryStatus(facts, at(exp - 301), 300)).toBe('valid');
    expect(expiryStatus(facts, at(exp - 300), 300)).toBe('expiring');
    expect(expiryStatus(facts, at(exp - 1), 300)).toBe('expiring');
    expect(expiryStatus(facts, at(exp), 300)).toBe('expired');
    expect(expiryStatus(facts, at(exp - 100), 60)).toBe('valid');
  });

  it('says not-yet-valid before nbf and unknown without any expiry', () => {
    expect(expiryStatus({ expiresAt: exp, notBefore: exp - 100, source: 'exp-claim' }, at(exp - 200))).toBe('not-yet-valid');
    expect(expiryStatus({ source: 'none' }, at(exp))).toBe('unknown');
  });

  it('counts down in whole seconds from the clock, negative once expired', () => {
    expect(remainingSeconds(exp, at(exp - 252))).toBe(252);
    expect(remainingSeconds(exp, at(exp - 251.4))).toBe(251);
    expect(remainingSeconds(exp, at(exp))).toBe(0);
    expect(remainingSeconds(exp, at(exp + 0.2))).toBe(-1);
    expect(remainingSeconds(exp, at(exp + 180))).toBe(-180);
  });

  it('prefers the JWT exp claim and falls back to expires_in for opaque tokens', async () => {
    const jwt = decodeToken(await signedJwt({ exp, iat: exp - 900 }));
    expect(expiryFacts(jwt, exp + 5000)).toEqual({ expiresAt: exp, issuedAt: exp - 900, notBefore: undefined, source: 'exp-claim' });
    expect(expiryFacts(decodeToken('oauth:abcdefgh1234'), exp)).toMatchObject({ expiresAt: exp, source: 'expires-in' });
    expect(expiryFacts(decodeToken('oauth:abcdefgh1234'))).toEqual({ notBefore: undefined, issuedAt: undefined, source: 'none' });
    expect(expiryFacts(decodeToken(unsignedJwt({ sub: 'no-exp' })))).toMatchObject({ source: 'none' });
  });

  it('formats durations and relative times the way the panel shows them', () => {
    expect(formatDuration(252)).toBe('4 m 12 s');
    expect(formatDuration(-180)).toBe('3 m 0 s');
    expect(formatDuration(7500)).toBe('2 h 5 m');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
    expect(formatRelative(exp, at(exp - 252))).toBe('in 4 m 12 s');
    expect(formatRelative(exp, at(exp + 180))).toBe('3 m 0 s ago');
  });
});
