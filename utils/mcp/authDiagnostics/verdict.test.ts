import { describe, expect, it } from 'vitest';
import type { AuthCheckId, AuthFinding, AuthResult } from './types';
import { decideVerdict, formatLifetime } from './verdict';

const f = (check: AuthCheckId, result: AuthResult, sentence = `${check} ${result}.`): AuthFinding => ({
  check,
  result,
  sentence,
  evidence: [],
  spec: { name: '', url: '' },
});
const passing = (['challenge', 'resource-metadata', 'resource-matches', 'as-metadata', 'pkce', 'registration', 'refresh'] as const).map((c) => f(c, 'pass'));
const flags = { noAuth: false, cancelled: false };
const replace = (finding: AuthFinding) => passing.map((p) => (p.check === finding.check ? finding : p));

describe('decideVerdict', () => {
  it('names the first blocking problem in client order', () => {
    const findings = replace(f('pkce', 'fail', 'The authorization server does not list S256.'));
    findings[1] = f('resource-metadata', 'fail', 'No usable protected resource metadata.');
    expect(decideVerdict(findings, flags)).toEqual({
      verdict: 'cannot-sign-in',
      verdictSentence: 'A spec-following MCP client cannot sign in: no usable protected resource metadata.',
    });
  });

  it('warnings on registration or refresh do not block sign-in', () => {
    expect(decideVerdict(replace(f('registration', 'warn')), flags).verdict).toBe('can-refresh');
    expect(decideVerdict(replace(f('refresh', 'warn')), flags).verdictSentence).toMatch(/does not say/);
  });

  it('no refresh token: sign-in-only, with the lifetime when known', () => {
    const findings = replace(f('refresh', 'fail'));
    expect(decideVerdict(findings, flags, { hadRefreshToken: false, lifetimeSeconds: 900 }).verdictSentence).toBe(
      'A spec-following MCP client can sign in here but must sign in again every 15 minutes: the server issues no refresh token.',
    );
    expect(decideVerdict(findings, flags).verdictSentence).toMatch(/every time its token expires/);
  });

  it('a skipped blocking check never reads as success', () => {
    expect(decideVerdict(replace(f('as-metadata', 'skip', 'No authorization server is known.')), flags).verdict).toBe('cannot-sign-in');
  });

  it('no-auth and cancellation win over findings', () => {
    expect(decideVerdict(passing, { noAuth: true, cancelled: false }).verdict).toBe('no-auth');
    expect(decideVerdict(replace(f('challenge', 'fail')), { noAuth: false, cancelled: true }).verdict).toBe('incomplete');
  });

  it('formats lifetimes in the largest whole unit', () => {
    expect([3600, 7200, 90, 60, 86400, 5400].map(formatLifetime)).toEqual(['1 hour', '2 hours', '90 seconds', '1 minute', '1 day', '90 minutes']);
  });
});
