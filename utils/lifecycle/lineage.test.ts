import { describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import { findRotations } from '../tokens/rotation';
import { buildLineages } from './lineage';
import { fp, ORIGIN, seconds, SimulatedPage, T0, TOKEN_ENDPOINT } from './simulatedPage.test-helper';

const MCP = `${ORIGIN}/mcp`;

interface Flow {
  ttl?: number;
  lead?: number;
  refreshes?: number;
  resource?: boolean;
  format?: 'form' | 'json';
  rotate?: boolean;
  sub?: string;
  page?: SimulatedPage;
  start?: number;
}

/** A page that signs in, then refreshes `lead` seconds before each expiry, using each access token once. */
async function autoRefresh({
  ttl = 300,
  lead = 30,
  refreshes = 2,
  resource = true,
  format = 'form',
  rotate = true,
  sub = 'alice',
  page,
  start = T0,
}: Flow = {}) {
  const p = page ?? new SimulatedPage();
  const access: string[] = [];
  const refresh: string[] = [];
  let at = start;
  for (let i = 0; i <= refreshes; i++) {
    const iat = seconds(at);
    const token = await signedJwt({ iss: ORIGIN, sub, aud: MCP, scope: 'mcp:read', iat, exp: iat + ttl });
    const newRefresh = i === 0 || rotate ? `rt-${sub}-${i}-9f8e7d6c5b4a` : undefined;
    const common = { ...(resource ? { resource: MCP } : {}), scope: 'mcp:read offline_access' };
    const params =
      i === 0
        ? { grant_type: 'authorization_code', code: `code-${sub}`, ...common }
        : { grant_type: 'refresh_token', refresh_token: refresh[refresh.length - 1], ...common };
    p.tokenRequest(
      at,
      params,
      { access_token: token, token_type: 'Bearer', expires_in: ttl, ...(newRefresh ? { refresh_token: newRefresh } : {}) },
      { format },
    );
    p.use(token, at + 1000);
    access.push(token);
    if (newRefresh) refresh.push(newRefresh);
    at = (iat + ttl - lead) * 1000;
  }
  return { page: p, access, refresh, nextAt: at };
}

describe('buildLineages: the page client refreshing on schedule', () => {
  it('shows one access lineage, oldest first, each token replaced by the next through its refresh request', async () => {
    const { page, access, refresh } = await autoRefresh({ ttl: 300, lead: 30, refreshes: 2 });
    const now = T0 + 600_000;
    const lineages = buildLineages(page.rows, page.requests, now);
    expect(lineages).toHaveLength(1);
    const [l] = lineages;
    expect(l).toMatchObject({ kind: 'access', label: `${ORIGIN} · alice`, origin: ORIGIN, issuer: ORIGIN, endpoint: TOKEN_ENDPOINT });
    expect(l.tokens.map((t) => t.fingerprint)).toEqual(access.map(fp));
    expect(l.tokens.map((t) => t.lifetimeSeconds)).toEqual([300, 300, 300]);
    expect(l.tokens[0].replacedBy).toEqual({ fingerprint: fp(access[1]), requestId: l.refreshes[0].requestId });
    expect(l.tokens[2].replacedBy).toBeUndefined();
    // Refresh tokens live within the access lineage, not in lineages of their own.
    expect(l.refreshTokens.map((r) => r.fingerprint)).toEqual(refresh.map(fp));
    expect(l.requests.map((e) => e.grantType)).toEqual(['authorization_code', 'refresh_token', 'refresh_token']);
    expect(l.refreshes).toHaveLength(2);
    for (const [i, e] of l.refreshes.entries()) {
      expect(e).toMatchObject({
        grantType: 'refresh_token',
        replacedFingerprint: fp(access[i]),
        newFingerprint: fp(access[i + 1]),
        leadSeconds: 30,
        resourceSent: true,
        resources: [MCP],
        offlineAccessRequested: true,
        refreshRotated: true,
      });
    }
    expect(l.gaps).toEqual([]);
    expect(l.refreshSummary.sentences).toEqual([
      'refreshes 30 s before expiry (2 of 2)',
      'rotates its refresh token',
      'sends resource',
      'asks for offline_access (3 of 3)',
    ]);
  });

  it('reads JSON bodies too, and says when resource is never sent and the refresh token does not rotate', async () => {
    const { page } = await autoRefresh({ format: 'json', resource: false, rotate: false, refreshes: 2 });
    const [l] = buildLineages(page.rows, page.requests, T0 + 600_000);
    expect(l.refreshes.map((e) => [e.resourceSent, e.refreshRotated])).toEqual([
      [false, false],
      [false, false],
    ]);
    expect(l.refreshSummary.sentences).toContain('keeps the same refresh token (no rotation)');
    expect(l.refreshSummary.sentences).toContain('never sends resource (RFC 8707; Cloudflare managed OAuth requires it)');
    expect(l.refreshTokens).toHaveLength(1);
  });

  it('keeps the lineages of two users on one origin apart', async () => {
    const page = new SimulatedPage();
    const alice = await autoRefresh({ page, sub: 'alice', refreshes: 1 });
    const bob = await autoRefresh({ page, sub: 'bob', refreshes: 2, start: T0 + 10_000 });
    const lineages = buildLineages(page.rows, page.requests, T0 + 600_000);
    expect(lineages.map((l) => [l.label, l.tokens.length, l.refreshes.length])).toEqual([
      [`${ORIGIN} · alice`, 2, 1],
      [`${ORIGIN} · bob`, 3, 2],
    ]);
    expect(lineages[0].tokens.map((t) => t.fingerprint)).toEqual(alice.access.map(fp));
    expect(lineages[1].tokens.map((t) => t.fingerprint)).toEqual(bob.access.map(fp));
    expect(lineages[1].refreshTokens.map((r) => r.fingerprint)).toEqual(bob.refresh.map(fp));
  });

  it('does not reorder or count a refresh when an old token is seen again after its successor', async () => {
    const { page, access } = await autoRefresh({ refreshes: 1 });
    const before = buildLineages(page.rows, page.requests, T0 + 400_000)[0];
    page.use(access[0], T0 + 290_000); // the page sends the old token once more (a stale tab)
    const after = buildLineages(page.rows, page.requests, T0 + 400_000)[0];
    expect(after.tokens.map((t) => t.fingerprint)).toEqual(access.map(fp));
    expect(after.refreshes).toHaveLength(1);
    expect(after.refreshes).toEqual(before.refreshes);
    expect(after.tokens[0].replacedBy?.fingerprint).toBe(fp(access[1]));
  });

  it('orders by first sighting when the issuer clock jumps, and says so', async () => {
    const page = new SimulatedPage();
    // The issuer's clock is 10 minutes ahead for the first token, then 20 minutes behind.
    const ahead = await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0) + 600, exp: seconds(T0) + 600 + 900 });
    const behind = await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0) - 1200, exp: seconds(T0) - 1200 + 3600 });
    page.tokenRequest(T0, { grant_type: 'authorization_code', code: 'c' }, { access_token: ahead, expires_in: 900 });
    page.tokenRequest(T0 + 60_000, { grant_type: 'authorization_code', code: 'c2' }, { access_token: behind, expires_in: 3600 });
    const [l] = buildLineages(page.rows, page.requests, T0 + 120_000);
    expect(l.tokens.map((t) => t.fingerprint)).toEqual([fp(ahead), fp(behind)]);
    expect(l.tokens.map((t) => t.lifetimeSeconds)).toEqual([900, 3600]);
    expect(l.tokens[0].clockNote).toMatch(/^issued \(iat\) 10 min after the panel first saw it: the issuer's clock is ahead/);
    expect(l.tokens[1].clockNote).toMatch(/^issued \(iat\) 21 min before its token response arrived: the issuer's clock is behind/);
    expect(l.tokens[1].changes.map((c) => c.words)).toContain('lifetime grew from 15 min to 1 h');
  });

  it('a token used a while after it was issued is not a clock problem', async () => {
    const page = new SimulatedPage();
    const old = await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0) - 3000, exp: seconds(T0) + 600 });
    page.use(old, T0);
    expect(buildLineages(page.rows, page.requests, T0).map((l) => l.tokens[0].clockNote)).toEqual([undefined]);
  });
});

describe('buildLineages: gaps, expiry and errors', () => {
  it('shows a gap when the page let its token expire before refreshing, and an open gap until now', async () => {
    const { page, access } = await autoRefresh({ ttl: 300, lead: -60, refreshes: 1 });
    const exp0 = (seconds(T0) + 300) * 1000;
    const exp1 = (seconds(T0) + 360 + 300) * 1000;
    const now = exp1 + 30_000;
    const [l] = buildLineages(page.rows, page.requests, now);
    expect(l.refreshes[0]).toMatchObject({ replacedFingerprint: fp(access[0]), leadSeconds: -60 });
    expect(l.gaps).toEqual([
      { fromMs: exp0, toMs: exp0 + 60_000 },
      { fromMs: exp1, toMs: now, open: true },
    ]);
    expect(l.refreshSummary.sentences[0]).toBe('let the token expire first (1 of 1), refreshing 1 min after expiry');
    expect(l.refreshSummary.beforeExpiryCount).toBe(0);
  });

  it('reports invalid_grant in plain words with the server text, as a failed refresh that replaced nothing', async () => {
    const { page, refresh, nextAt } = await autoRefresh({ refreshes: 1 });
    const description = 'refresh token already used | see `logs`\n<img src=x onerror=alert(1)>';
    // The page replays the first (already rotated) refresh token.
    page.tokenRequest(
      nextAt,
      { grant_type: 'refresh_token', refresh_token: refresh[0], resource: MCP },
      { error: 'invalid_grant', error_description: description },
      { status: 400 },
    );
    const [l] = buildLineages(page.rows, page.requests, nextAt + 1000);
    const failed = l.refreshes.at(-1)!;
    expect(failed).toMatchObject({ grantType: 'refresh_token', status: 400, leadSeconds: 30, error: { code: 'invalid_grant' } });
    expect(failed.replacedFingerprint).toBeUndefined();
    expect(failed.refreshRotated).toBeUndefined();
    expect(failed.error!.words).toMatch(/already used, expired, revoked/);
    expect(l.tokens).toHaveLength(2);
    expect(l.refreshSummary.refreshCount).toBe(1);
    const sentence = l.refreshSummary.sentences.find((s) => s.startsWith('invalid_grant: '))!;
    expect(sentence).toContain('The server said: “refresh token already used | see `logs` <img');
    expect(sentence).not.toContain('\n');
  });

  it('gives opaque tokens the lifetime of expires_in and the token endpoint as their lineage', async () => {
    const page = new SimulatedPage();
    page.tokenRequest(T0, { grant_type: 'client_credentials' }, { access_token: 'oauth:opaque-access-aaaa', expires_in: 3600, scope: 'read admin' });
    page.tokenRequest(T0 + 3_000_000, { grant_type: 'client_credentials' }, { access_token: 'oauth:opaque-access-bbbb', expires_in: 900, scope: 'read write' });
    const [l] = buildLineages(page.rows, page.requests, T0 + 3_100_000);
    expect(l).toMatchObject({ label: TOKEN_ENDPOINT, kind: 'access' });
    expect(l.issuer).toBeUndefined();
    expect(l.tokens.map((t) => [t.lifetimeSeconds, t.issuedAtMs, t.expiresAtMs])).toEqual([
      [3600, T0, T0 + 3_600_000],
      [900, T0 + 3_000_000, T0 + 3_900_000],
    ]);
    expect(l.tokens[1].changes.map((c) => c.words)).toEqual(['scope: added write, removed admin', 'lifetime shrank from 1 h to 15 min']);
    expect(l.lifetimeShrank).toEqual([{ fingerprint: fp('oauth:opaque-access-bbbb'), fromSeconds: 3600, toSeconds: 900 }]);
    // client_credentials replacing a token is a refresh of the lineage even without a refresh token.
    expect(l.refreshes).toHaveLength(1);
    expect(l.refreshes[0].refreshRotated).toBeUndefined();
  });

  it('measures an opaque token’s refresh lead from the request time in ms, as the page’s client counts it', () => {
    const page = new SimulatedPage();
    const at = [T0 + 700, T0 + 700 + 30_000, T0 + 700 + 60_000];
    page.tokenRequest(
      at[0],
      { grant_type: 'authorization_code', code: 'c' },
      { access_token: 'oauth:a0-aaaaaaaa', refresh_token: 'oauth:r0-aaaaaaaa', expires_in: 60 },
    );
    page.tokenRequest(
      at[1],
      { grant_type: 'refresh_token', refresh_token: 'oauth:r0-aaaaaaaa' },
      { access_token: 'oauth:a1-aaaaaaaa', refresh_token: 'oauth:r1-aaaaaaaa', expires_in: 60 },
    );
    page.tokenRequest(
      at[2],
      { grant_type: 'refresh_token', refresh_token: 'oauth:r1-aaaaaaaa' },
      { access_token: 'oauth:a2-aaaaaaaa', refresh_token: 'oauth:r2-aaaaaaaa', expires_in: 60 },
    );
    const [l] = buildLineages(page.rows, page.requests, at[2]);
    expect(l.tokens.map((t) => t.expiresAtMs)).toEqual(at.map((a) => a + 60_000));
    expect(l.refreshes.map((e) => [e.leadSeconds, e.refreshRotated])).toEqual([
      [30, true],
      [30, true],
    ]);
  });

  it('says when tokens changed with no token request in sight (a cookie renewed elsewhere)', async () => {
    const page = new SimulatedPage();
    for (let i = 0; i < 3; i++)
      page.use(await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0) + i * 300, exp: seconds(T0) + i * 300 + 300 }), T0 + i * 300_000);
    const [l] = buildLineages(page.rows, page.requests, T0 + 650_000);
    expect(l.tokens).toHaveLength(3);
    expect(l.refreshes).toEqual([]);
    expect(l.refreshSummary.sentences).toEqual(['renewed 2 times without a token request the panel saw (a cookie, another tab, or before DevTools opened)']);
  });

  it('leaves pasted tokens out and puts refresh tokens with no sibling in a refresh lineage last', async () => {
    const page = new SimulatedPage();
    page.session.paste(await signedJwt({ iss: ORIGIN, sub: 'alice', exp: seconds(T0) + 60 }), T0);
    page.tokenRequest(T0, { grant_type: 'refresh_token', refresh_token: 'rt-lonely-aaaaaaaaaa' }, { refresh_token: 'rt-lonely-bbbbbbbbbb' });
    const access = await signedJwt({ iss: ORIGIN, sub: 'alice', iat: seconds(T0), exp: seconds(T0) + 60 });
    page.use(access, T0 + 1000);
    const lineages = buildLineages(page.rows, page.requests, T0 + 2000);
    expect(lineages.map((l) => [l.kind, l.tokens.map((t) => t.fingerprint)])).toEqual([
      ['access', [fp(access)]],
      ['refresh', [fp('rt-lonely-bbbbbbbbbb')]],
    ]);
    expect(lineages[1].requests).toHaveLength(1);
  });

  it('places a HAR entry reported twice once', async () => {
    const { page } = await autoRefresh({ refreshes: 1 });
    const doubled = [...page.requests, ...page.requests.map((r) => ({ ...r }))];
    expect(buildLineages(page.rows, doubled, T0 + 400_000)[0].requests).toHaveLength(2);
  });

  it('agrees with the rows’ rotation marks: a rotated token and its replacement share a lineage', async () => {
    const page = new SimulatedPage();
    await autoRefresh({ page, sub: 'alice', refreshes: 2 });
    await autoRefresh({ page, sub: 'bob', refreshes: 1, start: T0 + 5000 });
    const lineageOf = new Map(buildLineages(page.rows, page.requests, T0 + 900_000).flatMap((l) => l.tokens.map((t) => [t.fingerprint, l.key] as const)));
    const rotations = findRotations(page.rows);
    expect(rotations.size).toBe(3);
    for (const [old, replacement] of rotations) expect(lineageOf.get(old)).toBe(lineageOf.get(replacement));
  });
});
