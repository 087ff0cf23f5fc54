import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt, unsignedJwt } from '../../test-support/tokens';
import { CaptureSession } from '../capture/captureSession';
import { tokenLabel } from '../tokens/tokenTiming';
import { parseScheduleMessage, parseTrackedToken } from './scheduleMessage';
import { trackedTokensFor, warningPlace, webHostOf } from './trackedTokens';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const s0 = T0 / 1000;
const at = (ms: number) => new Date(ms).toISOString();

/** Everything of a token that must never reach the background: the value and each of its parts. */
const secretsOf = (token: string) => [token, ...token.split('.').filter((p) => p.length > 8)];

describe('what a notification may say about where a token is from: an origin or a fixed word', () => {
  it('says "this page" for a data: URL that contains the token, never the URL', async () => {
    const jwt = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: s0, exp: s0 + 900 });
    const session = new CaptureSession();
    session.ingest(
      harEntry({ url: `data:application/json,{"access_token":"${jwt}"}`, requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: at(T0) }),
    );
    const [tracked] = trackedTokensFor(session.ledger.all());
    expect(tracked).toMatchObject({ host: 'this page', label: 'this page · JWT access token' });
    const wire = JSON.stringify(tracked);
    for (const secret of [...secretsOf(jwt), 'data:', 'access_token']) expect(wire).not.toContain(secret);
  });

  it('keeps only host and port of a URL with user info, path, query and fragment', async () => {
    const jwt = await signedJwt({ sub: 'alice', iat: s0, exp: s0 + 900 });
    const session = new CaptureSession();
    session.ingest(
      harEntry({
        url: 'https://user:secret@portal.example.com:8443/private/path?code=abc#frag',
        requestHeaders: { Authorization: `Bearer ${jwt}` },
        startedDateTime: at(T0),
      }),
    );
    const [tracked] = trackedTokensFor(session.ledger.all());
    expect(tracked).toMatchObject({ host: 'portal.example.com:8443', label: 'portal.example.com:8443 · JWT access token' });
    // Also when a whole URL, not an origin, were ever handed over as the origin.
    expect(warningPlace({ origins: ['https://user:secret@portal.example.com/private?code=abc#frag'], sources: ['authorization-header'] })).toBe(
      'portal.example.com',
    );
    for (const leak of ['user', 'secret', 'private', 'code', 'frag']) expect(JSON.stringify(tracked)).not.toContain(leak);
  });

  it('names the host of an ordinary origin', async () => {
    const jwt = await signedJwt({ sub: 'alice', iat: s0, exp: s0 + 900 });
    const session = new CaptureSession();
    session.ingest(harEntry({ url: 'https://portal.example.com/mcp?session=1', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: at(T0) }));
    expect(trackedTokensFor(session.ledger.all())).toEqual([
      {
        fingerprint: session.ledger.all()[0].fingerprint,
        label: 'portal.example.com · JWT access token',
        host: 'portal.example.com',
        expiresAt: s0 + 900,
        lifetime: 900,
      },
    ]);
  });

  it.each([
    ['blob:https://portal.example.com/0b1c', 'this page'],
    ['javascript:alert("eyJhbGciOi")', 'this page'],
    ['file:///home/alice/token.txt', 'this page'],
    ['about:blank', 'this page'],
    ['chrome-extension://abcdefghijklmnop/page.html', 'this page'],
    ['pasted', 'this page'],
    ['wss://mcp.example.com:9000/socket?token=abc', 'mcp.example.com:9000'],
    ['http://[::1]:8787', '[::1]:8787'],
    ['http://localhost:8787', 'localhost:8787'],
  ])('%s → %s', (origin, place) => {
    expect(warningPlace({ origins: [origin], sources: ['authorization-header'] })).toBe(place);
  });

  it('prefers the latest web origin, and calls a token only ever pasted a "pasted token"', () => {
    expect(warningPlace({ origins: ['https://a.example', 'data:text/plain,x', 'pasted'], sources: ['pasted', 'cookie'] })).toBe('a.example');
    expect(warningPlace({ origins: ['pasted'], sources: ['pasted'] })).toBe('pasted token');
    const session = new CaptureSession();
    session.paste(unsignedJwt({ sub: 'me', exp: s0 + 60 }), T0);
    expect(trackedTokensFor(session.ledger.all())[0]).toMatchObject({ host: 'pasted token', label: 'pasted token · JWT' });
  });

  it('leaves cookie and header names (chosen by the page) in the panel only', async () => {
    const jwt = await signedJwt({ sub: 'alice', iat: s0, exp: s0 + 900 });
    const session = new CaptureSession();
    session.ingest(
      harEntry({ url: 'https://portal.example.com/', requestCookies: [{ name: 'session_NAME-CHOSEN-BY-PAGE', value: jwt }], startedDateTime: at(T0) }),
    );
    const [row] = session.ledger.all();
    expect(tokenLabel(row)).toBe('session_NAME-CHOSEN-BY-PAGE cookie');
    expect(trackedTokensFor([row])[0].label).toBe('portal.example.com · JWT cookie');
  });

  it('never lets anything but a host through webHostOf, whatever the URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true } }), (url) => {
        const host = webHostOf(url);
        expect(host).toBe(new URL(url).host);
        expect(host).not.toMatch(/[/?#@]/);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => webHostOf(`data:text/plain,${text}`) === undefined && webHostOf(`javascript:${text}`) === undefined));
  });
});

describe('the background only ever receives fingerprint, label, host, expiry and lifetime', () => {
  it('holds for every kind of captured token, and the message passes the background’s own check unchanged', async () => {
    const jwt = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: s0, exp: s0 + 900 });
    const cookieJwt = await signedJwt({ iss: 'https://portal.example.com', sub: 'cookie-user', iat: s0, exp: s0 + 1800 });
    const pasted = unsignedJwt({ sub: 'pasted-user', exp: s0 + 600 });
    const session = new CaptureSession();
    session.ingest(harEntry({ url: 'https://portal.example.com/mcp?x=1', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: at(T0) }));
    session.ingest(harEntry({ url: 'https://portal.example.com/', requestCookies: [{ name: 'CF_Authorization', value: cookieJwt }], startedDateTime: at(T0) }));
    session.ingest(
      harEntry({ method: 'POST', url: 'https://auth.example.com/oauth/token?client=abc', startedDateTime: at(T0) }),
      JSON.stringify({ access_token: 'oauth:opaque-access-value', expires_in: 900, refresh_token: 'oauth:opaque-refresh-value' }),
    );
    session.ingest(harEntry({ url: `data:text/plain,${jwt}`, requestHeaders: { 'X-Auth-Token': 'header-token-without-expiry' }, startedDateTime: at(T0) }));
    session.paste(pasted, T0);

    const tokens = trackedTokensFor(session.ledger.all());
    expect(tokens.length).toBe(4);
    for (const t of tokens) expect(Object.keys(t).every((k) => ['fingerprint', 'label', 'host', 'expiresAt', 'lifetime'].includes(k))).toBe(true);
    const sent = { type: 'schedule-tokens', tabId: 3, tokens };
    expect(parseScheduleMessage(sent)).toEqual(sent);
    const wire = JSON.stringify(sent);
    for (const secret of [
      ...secretsOf(jwt),
      ...secretsOf(cookieJwt),
      ...secretsOf(pasted),
      'opaque-access-value',
      'opaque-refresh-value',
      'header-token-without-expiry',
      '/mcp',
      '/oauth',
      'client=abc',
      'x=1',
    ])
      expect(wire).not.toContain(secret);
  });

  it('builds only tokens the background accepts, whatever the page sent (origins, expiries, lifetimes)', () => {
    const origin = fc.oneof(
      fc.webUrl({ withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true } }),
      fc.string(),
      fc.constant('data:text/plain,eyJ'),
    );
    const time = fc.oneof(fc.integer({ min: -1e12, max: 1e13 }), fc.double(), fc.constant(s0 + 60));
    fc.assert(
      fc.property(fc.array(fc.record({ origin, exp: time, iat: time, sub: fc.string() }), { maxLength: 6 }), (pages) => {
        const session = new CaptureSession();
        pages.forEach((p, i) => {
          const value = unsignedJwt({ sub: p.sub, exp: p.exp, iat: p.iat, n: i });
          session.ledger.record([{ value, source: 'authorization-header', name: 'Authorization', origin: p.origin, at: T0 + i, role: 'access' }]);
        });
        for (const t of trackedTokensFor(session.ledger.all())) expect(parseTrackedToken(t)).toEqual(t);
      }),
    );
  });
});
