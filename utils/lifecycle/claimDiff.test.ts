import { describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import { claimsOf, decodeToken } from '../tokens/decodeToken';
import { diffClaims } from './claimDiff';

const snap = (claims: Record<string, unknown>, lifetimeSeconds?: number, scope?: string) => ({ claims, lifetimeSeconds, scope });
const words = (before: Record<string, unknown>, after: Record<string, unknown>) => diffClaims(snap(before), snap(after)).map((c) => c.words);

describe('diffClaims', () => {
  it('finds nothing between two refreshes of one grant: times and per-token ids always change', async () => {
    const base = { iss: 'https://as.example', sub: 'alice', aud: 'https://mcp.example/mcp', scope: 'read write', acr: '1' };
    const a = claimsOf(
      decodeToken(await signedJwt({ ...base, iat: 100, nbf: 100, exp: 400, jti: 'a1', at_hash: 'x', nonce: 'n1', uti: 'u1', identity_nonce: 'i1' })),
    );
    const b = claimsOf(
      decodeToken(await signedJwt({ ...base, iat: 400, nbf: 400, exp: 700, jti: 'b2', at_hash: 'y', nonce: 'n2', uti: 'u2', identity_nonce: 'i2' })),
    );
    expect(diffClaims(snap(a, 300), snap(b, 300))).toEqual([]);
  });

  it('lists scope words added and removed, from scope, scp arrays, or the token response', () => {
    expect(diffClaims(snap({ scope: 'read admin' }), snap({ scope: 'read  write' }))).toEqual([
      { claim: 'scope', kind: 'changed', added: ['write'], removed: ['admin'], words: 'scope: added write, removed admin' },
    ]);
    expect(words({ scp: ['read'] }, { scp: ['read', 'files.write'] })).toEqual(['scope: added files.write']);
    expect(diffClaims(snap({}, undefined, 'a b'), snap({}, undefined, 'b')).map((c) => c.words)).toEqual(['scope: removed a']);
    expect(words({ scope: 'read write' }, { scope: 'write read' })).toEqual([]);
  });

  it('compares aud and amr as sets, acr as a value, and says when the user signed in again', () => {
    expect(words({ aud: 'https://a.example/mcp' }, { aud: ['https://a.example/mcp', 'https://b.example/mcp'] })).toEqual(['aud: added https://b.example/mcp']);
    expect(words({ amr: ['pwd'] }, { amr: ['pwd', 'mfa'] })).toEqual(['amr: added mfa']);
    expect(words({ acr: 'urn:low' }, { acr: 'urn:high' })).toEqual(['acr changed from urn:low to urn:high']);
    expect(words({ auth_time: 1_800_000_000 }, { auth_time: 1_800_003_600 })).toEqual([
      'the user signed in again (auth_time 2027-01-15T08:00:00Z → 2027-01-15T09:00:00Z)',
    ]);
  });

  it('says a lifetime shrank or grew, in units people use, and nothing when one is unknown', () => {
    expect(diffClaims(snap({}, 3600), snap({}, 900))).toEqual([
      { claim: 'lifetime', kind: 'changed', before: '1 h', after: '15 min', shrank: true, words: 'lifetime shrank from 1 h to 15 min' },
    ]);
    expect(diffClaims(snap({}, 300), snap({}, 86400)).map((c) => c.words)).toEqual(['lifetime grew from 5 min to 1 d']);
    expect(diffClaims(snap({}, 270), snap({}, 5400)).map((c) => c.words)).toEqual(['lifetime grew from 4 min 30 s to 1 h 30 min']);
    expect(diffClaims(snap({}, undefined), snap({}, 900))).toEqual([]);
  });

  it('reports other claims added, removed and changed, ignoring key order inside objects', () => {
    expect(words({ tid: 't1', ctx: { a: 1, b: 2 }, gone: true }, { tid: 't2', ctx: { b: 2, a: 1 }, extra: [1] })).toEqual([
      'extra added: [1]',
      'gone removed (was true)',
      'tid changed from t1 to t2',
    ]);
  });

  it('keeps each change one short line, whatever the token carries', () => {
    const long = 'x'.repeat(500);
    const [change] = diffClaims(snap({ note: 'a' }), snap({ note: `line one\nline two ${long}` }));
    expect(change.words).not.toMatch(/\n/);
    expect(change.after!.length).toBeLessThanOrEqual(80);
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`c${i}`, i]));
    const changes = diffClaims(snap({}), snap(many));
    expect(changes).toHaveLength(40);
    expect(changes.at(-1)!.words).toBe('61 more claims changed');
  });

  it('treats a __proto__ claim as a claim', () => {
    const before = JSON.parse('{"__proto__": {"role": "user"}}') as Record<string, unknown>;
    const after = JSON.parse('{"__proto__": {"role": "admin"}}') as Record<string, unknown>;
    expect(words(before, after)).toEqual(['__proto__ changed from {"role":"user"} to {"role":"admin"}']);
    const nested = (role: string) => JSON.parse(`{"ctx": {"__proto__": {"role": "${role}"}}}`) as Record<string, unknown>;
    expect(words(nested('user'), nested('admin'))).toEqual(['ctx changed from {"__proto__":{"role":"user"}} to {"__proto__":{"role":"admin"}}']);
  });
});
