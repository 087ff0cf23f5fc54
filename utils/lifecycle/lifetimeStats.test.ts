import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { buildLineages } from './lineage';
import { lifetimeStats, median } from './lifetimeStats';
import { ORIGIN, seconds, SimulatedPage, T0 } from './simulatedPage.test-helper';

describe('median', () => {
  it('is the middle value of an odd count, the mean of the two middle values of an even count, and undefined when empty', () => {
    expect(median([300, 3600, 900])).toBe(900);
    expect(median([3600, 300, 900, 86400])).toBe(2250);
    expect(median([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });

  it('lies between min and max, and does not reorder its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const copy = [...values];
        const m = median(values)!;
        expect(Math.min(...values)).toBeLessThanOrEqual(m);
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(values).toEqual(copy);
      }),
    );
  });
});

describe('lifetimeStats', () => {
  it('groups access tokens by issuer, else by the token endpoint origin, with min / median / max and refreshes', async () => {
    const page = new SimulatedPage();
    const lifetimes = [3600, 900, 86400, 3600];
    for (const [i, ttl] of lifetimes.entries()) {
      const iat = seconds(T0) + i * 100;
      const token = await signedJwt({ iss: 'https://issuer.example', sub: 'alice', iat, exp: iat + ttl });
      page.tokenRequest(
        T0 + i * 100_000,
        { grant_type: i === 0 ? 'authorization_code' : 'refresh_token', refresh_token: 'rt-0000000000' },
        { access_token: token, refresh_token: 'rt-0000000000' },
      );
    }
    page.tokenRequest(
      T0,
      { grant_type: 'client_credentials' },
      { access_token: 'opaque-aaaaaaaaaaaa', expires_in: 600 },
      { endpoint: 'https://other.example/token' },
    );
    page.use('opaque-no-expiry-bbbbbbbb', T0, 'https://third.example/api');

    const stats = lifetimeStats(buildLineages(page.rows, page.requests, T0 + 1_000_000));
    expect(stats.map((s) => [s.key, s.count, s.knownCount, s.minSeconds, s.medianSeconds, s.maxSeconds, s.refreshEvents])).toEqual([
      ['iss:https://issuer.example', 4, 4, 900, 3600, 86400, 3],
      ['origin:https://other.example', 1, 1, 600, 600, 600, 0],
      ['origin:https://third.example', 1, 0, undefined, undefined, undefined, 0],
    ]);
    expect(stats[0].lifetimes).toEqual(lifetimes);
    expect(stats[0].points.map((p) => p.firstSeenMs)).toEqual([T0, T0 + 100_000, T0 + 200_000, T0 + 300_000]);
  });

  it('keeps a session cookie of the same issuer and subject apart from the bearer tokens, and names it', async () => {
    const page = new SimulatedPage();
    for (const i of [0, 1]) {
      const iat = seconds(T0) + i * 10;
      page.tokenRequest(T0 + i * 10_000, { grant_type: 'refresh_token' }, { access_token: await signedJwt({ iss: ORIGIN, sub: 'alice', iat, exp: iat + 10 }) });
    }
    const cookie = await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0), exp: seconds(T0) + 86400 });
    page.session.ingest(
      harEntry({ url: `${ORIGIN}/app`, startedDateTime: new Date(T0).toISOString(), requestCookies: [{ name: 'CF_Authorization', value: cookie }] }),
    );
    const lineages = buildLineages(page.rows, page.requests, T0 + 20_000);
    expect(new Set(lineages.map((l) => l.label)).size).toBe(lineages.length);
    expect(lifetimeStats(lineages).map((s) => [s.key, s.label, s.count, s.maxSeconds])).toEqual([
      [`iss:${ORIGIN}`, ORIGIN, 2, 10],
      [`iss:${ORIGIN}|cookie:CF_Authorization`, `${ORIGIN} · CF_Authorization cookie`, 1, 86400],
    ]);
  });

  it('leaves ID and refresh tokens out', async () => {
    const page = new SimulatedPage();
    const id = await signedJwt({ iss: ORIGIN, sub: 'alice', aud: 'client', iat: seconds(T0), exp: seconds(T0) + 36000 });
    page.tokenRequest(T0, { grant_type: 'authorization_code' }, { id_token: id, refresh_token: 'rt-alone-0000000' });
    const lineages = buildLineages(page.rows, page.requests, T0);
    expect(lineages.map((l) => l.kind)).toEqual(['id']);
    expect(lifetimeStats(lineages)).toEqual([]);
  });
});
