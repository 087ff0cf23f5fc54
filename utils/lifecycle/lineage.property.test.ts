import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import type { TokenObservation, TokenSource } from '../capture/extractTokensFromHarEntry';
import { TokenLedger } from '../capture/tokenLedger';
import { tokenFingerprint } from '../tokens/fingerprint';
import { buildLineages } from './lineage';
import type { TokenRequestEvent } from './types';

const T0 = Date.parse('2026-11-26T12:00:00.000Z');
let pool: string[] = [];

beforeAll(async () => {
  const jwts = [];
  for (const iss of ['https://a.example', 'https://b.example'])
    for (const sub of ['alice', 'bob'])
      for (let i = 0; i < 3; i++) jwts.push(await signedJwt({ iss, sub, iat: T0 / 1000 + i * 60 - 30 + i * i, exp: T0 / 1000 + i * 600 }));
  pool = [...jwts, ...Array.from({ length: 8 }, (_, i) => `opaque-token-${i}-abcdefghij`)];
});

const sighting = fc.record({
  token: fc.nat(),
  at: fc.integer({ min: 0, max: 3_600_000 }),
  source: fc.constantFrom<TokenSource>('authorization-header', 'token-response', 'cookie', 'pasted'),
  role: fc.constantFrom<'access' | 'id' | 'refresh' | undefined>('access', 'id', 'refresh', undefined),
  origin: fc.constantFrom('https://portal.example.com', 'https://api.example.com'),
  endpoint: fc.constantFrom('https://portal.example.com/oauth/token', 'https://idp.example/token'),
});

const request = fc.record({
  at: fc.integer({ min: 0, max: 3_600_000 }),
  access: fc.option(fc.nat(), { nil: undefined }),
  refresh: fc.option(fc.nat(), { nil: undefined }),
  sent: fc.option(fc.nat(), { nil: undefined }),
  status: fc.constantFrom(200, 400, 0),
  grantType: fc.constantFrom('refresh_token', 'authorization_code'),
});

describe('buildLineages properties', () => {
  it('puts every captured, non-pasted token in exactly one lineage, oldest first, whatever the order of sightings and requests', () => {
    fc.assert(
      fc.property(fc.array(sighting, { maxLength: 40 }), fc.array(request, { maxLength: 10 }), (sightings, requests) => {
        const ledger = new TokenLedger();
        for (const s of sightings) {
          const value = pool[s.token % pool.length];
          const o: TokenObservation = {
            value,
            source: s.source,
            name: s.source === 'cookie' ? 'CF_Authorization' : 'Authorization',
            origin: s.origin,
            at: T0 + s.at,
          };
          if (s.role) o.role = s.role;
          if (s.source === 'token-response') Object.assign(o, { issuedBy: s.endpoint, issuedExpiresAt: (T0 + s.at) / 1000 + 300, issuedWith: [] });
          ledger.record([o]);
        }
        const rows = ledger.all();
        const fpOf = (n: number | undefined) => (n === undefined ? undefined : tokenFingerprint(pool[n % pool.length]));
        const events: TokenRequestEvent[] = requests.map((r, i) => ({
          id: `${r.at}|${i}`,
          at: T0 + r.at,
          endpoint: 'https://portal.example.com/oauth/token',
          origin: 'https://portal.example.com',
          grantType: r.grantType,
          bodyFormat: 'form',
          resources: [],
          offlineAccessRequested: false,
          status: r.status,
          ...(r.sent !== undefined ? { refreshTokenSent: fpOf(r.sent) } : {}),
          ...(r.status === 200 ? { issued: { access: fpOf(r.access), refresh: fpOf(r.refresh) } } : { error: { code: 'invalid_grant' } }),
        }));

        const lineages = buildLineages(rows, events, T0 + 4_000_000);
        const placed = lineages.flatMap((l) => [...l.tokens.map((t) => t.fingerprint), ...l.refreshTokens.map((r) => r.fingerprint)]);
        const expected = rows.filter((r) => r.sources.some((s) => s !== 'pasted')).map((r) => r.fingerprint);
        expect([...placed].sort()).toEqual([...expected].sort());
        for (const l of lineages) {
          expect(l.tokens.length).toBeGreaterThan(0);
          for (let i = 1; i < l.tokens.length; i++) expect(l.tokens[i].firstSeenMs).toBeGreaterThanOrEqual(l.tokens[i - 1].firstSeenMs);
          for (const g of l.gaps) expect(g.toMs).toBeGreaterThan(g.fromMs);
        }
        // Each token request of the page is placed in one lineage at most.
        const placedRequests = lineages.flatMap((l) => l.requests.map((e) => e.requestId));
        expect(new Set(placedRequests).size).toBe(placedRequests.length);
      }),
      { numRuns: 200 },
    );
  });
});
