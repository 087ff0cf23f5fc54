import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { extractTokensFromHarEntry, extractTokensFromTokenResponse, mayCarryTokens } from './extractTokensFromHarEntry';

const STARTED = '2026-11-26T12:00:00.000Z';
const startedSeconds = Date.parse(STARTED) / 1000;

describe('extractTokensFromHarEntry', () => {
  it('takes a Bearer token from the Authorization header, scheme case-insensitive', () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'DPoP']) {
      const found = extractTokensFromHarEntry(harEntry({ requestHeaders: { Authorization: `${scheme}   oauth:abc123def456` } }));
      expect(found).toEqual([expect.objectContaining({ value: 'oauth:abc123def456', source: 'authorization-header', origin: 'https://portal.example.com' })]);
    }
  });

  it('ignores Basic credentials and junk headers', () => {
    const found = extractTokensFromHarEntry(
      harEntry({
        requestHeaders: {
          Authorization: 'Basic dXNlcjpwYXNz',
          'X-Request-Id': 'eyJub3QiOiJhIHRva2VuIn0',
          Accept: 'application/json',
          'X-Weird': 'eyJ.eyJ.eyJ',
          'User-Agent': 'Mozilla/5.0',
        },
      }),
    );
    expect(found).toEqual([]);
  });

  it('takes named token headers and any header whose value is a JWT', async () => {
    const jwt = await signedJwt({ sub: 'a' });
    const found = extractTokensFromHarEntry(
      harEntry({ requestHeaders: { 'Cf-Access-Jwt-Assertion': jwt, 'x-access-token': 'opaque-value-123', 'X-Custom': jwt } }),
    );
    expect(found.map((f) => [f.name, f.source])).toEqual([
      ['Cf-Access-Jwt-Assertion', 'other-header'],
      ['x-access-token', 'other-header'],
      ['X-Custom', 'other-header'],
    ]);
  });

  it('takes token cookies (by name or JWT value) from requests and Set-Cookie responses', async () => {
    const jwt = await signedJwt({ sub: 'a' });
    const found = extractTokensFromHarEntry(
      harEntry({
        requestCookies: [
          { name: 'CF_Authorization', value: jwt },
          { name: 'theme', value: 'dark' },
          { name: 'sess', value: jwt },
        ],
        responseHeaders: [{ name: 'Set-Cookie', value: `access_token=opaque-abc-123; Path=/; HttpOnly\nlang=en; Path=/\nCF_Authorization=; Max-Age=0` }],
      }),
    );
    expect(found.map((f) => [f.source, f.name])).toEqual([
      ['cookie', 'CF_Authorization'],
      ['cookie', 'sess'],
      ['set-cookie', 'access_token'],
    ]);
  });

  it('parses the Cookie header when DevTools gave no cookie list', () => {
    const found = extractTokensFromHarEntry(harEntry({ requestHeaders: { Cookie: 'a=1; CF_Authorization=opaque-cookie-token; b=2' } }));
    expect(found).toEqual([expect.objectContaining({ source: 'cookie', name: 'CF_Authorization', value: 'opaque-cookie-token' })]);
  });

  it('takes token query parameters', () => {
    const found = extractTokensFromHarEntry(
      harEntry({ url: 'https://api.example.com/sse?access_token=abc.def.ghi123&page=2&id_token=tok%3Dxyz12345&token=short' }),
    );
    expect(found.map((f) => [f.name, f.value])).toEqual([
      ['access_token', 'abc.def.ghi123'],
      ['id_token', 'tok=xyz12345'],
    ]);
  });

  it('finds several tokens on one request, each once', async () => {
    const jwt = await signedJwt({ sub: 'a' });
    const found = extractTokensFromHarEntry(
      harEntry({
        url: 'https://x.example/mcp?token=query-token-1',
        requestHeaders: { Authorization: `Bearer ${jwt}`, 'cf-access-token': 'cf-opaque-1' },
        requestCookies: [{ name: 'CF_Authorization', value: jwt }],
      }),
    );
    expect(found.map((f) => f.source).sort()).toEqual(['authorization-header', 'cookie', 'other-header', 'query']);
  });

  it('reads a token endpoint response: access, refresh and id tokens with expires_in', async () => {
    const idToken = await signedJwt({ sub: 'a' });
    const body = JSON.stringify({
      access_token: 'oauth:opaque-1',
      token_type: 'Bearer',
      expires_in: 900,
      refresh_token: 'oauth:refresh-1',
      id_token: idToken,
      scope: 'mcp',
    });
    const found = extractTokensFromHarEntry(harEntry({ method: 'POST', url: 'https://auth.example.com/oauth/token?x=1', startedDateTime: STARTED }), body);
    expect(found).toEqual([
      expect.objectContaining({
        value: 'oauth:opaque-1',
        role: 'access',
        source: 'token-response',
        issuedExpiresAt: startedSeconds + 900,
        issuedBy: 'https://auth.example.com/oauth/token',
        tokenType: 'Bearer',
        scope: 'mcp',
        issuedWith: ['id', 'refresh'],
      }),
      expect.objectContaining({ value: idToken, role: 'id' }),
      expect.objectContaining({ value: 'oauth:refresh-1', role: 'refresh', issuedWith: ['access', 'id'] }),
    ]);
    expect(found[2].issuedExpiresAt).toBeUndefined();
  });

  it('ignores token responses that failed, and bodies that are not token JSON', () => {
    const body = JSON.stringify({ access_token: 'oauth:x-123456' });
    expect(extractTokensFromHarEntry(harEntry({ status: 400 }), body)).toEqual([]);
    expect(extractTokensFromHarEntry(harEntry(), '<html>Sign in</html>')).toEqual([]);
    expect(extractTokensFromHarEntry(harEntry(), '{"tokens": 3, "broken": ')).toEqual([]);
  });

  it('records how far the server clock is from ours', () => {
    const [found] = extractTokensFromHarEntry(
      harEntry({
        startedDateTime: STARTED,
        requestHeaders: { Authorization: 'Bearer abcdefgh12' },
        responseHeaders: { Date: new Date(Date.parse(STARTED) + 120_000).toUTCString() },
      }),
    );
    expect(Math.round(found.serverClockOffsetMs! / 1000)).toBe(120);
  });
});

describe('extractTokensFromHarEntry on empty and hostile values', () => {
  it('yields no row for a token that is empty or only whitespace, wherever it is', () => {
    for (const blank of ['', ' ', '\t\n ', '\u00a0']) {
      const body = JSON.stringify({ access_token: blank, refresh_token: blank, id_token: blank, token_type: 'Bearer' });
      const found = extractTokensFromHarEntry(
        harEntry({
          url: `https://x.example/cb?access_token=${encodeURIComponent(blank.padEnd(8, ' '))}&token=${encodeURIComponent(`  ${blank}      `)}`,
          requestHeaders: { 'X-Access-Token': blank, Authorization: `Bearer ${blank}` },
          requestCookies: [
            { name: 'access_token', value: blank },
            { name: 'CF_Authorization', value: `"${blank}"` },
          ],
          responseHeaders: [{ name: 'Set-Cookie', value: `refresh_token=${blank}; Path=/` }],
        }),
        body,
      );
      expect(found, JSON.stringify(blank)).toEqual([]);
    }
  });

  it('takes the field that holds a token when a blank one of the same role comes first', () => {
    const found = extractTokensFromTokenResponse(JSON.stringify({ access_token: ' ', accessToken: 'oauth:real-123' }), 0, 'u');
    expect(found).toEqual([expect.objectContaining({ value: 'oauth:real-123', name: 'accessToken' })]);
  });

  it('trims what it keeps, and unquotes quoted cookie values', () => {
    const found = extractTokensFromHarEntry(
      harEntry({ url: 'https://x.example/?token=%20oauth%3Aabc12345%20', requestCookies: [{ name: 'access_token', value: ' "opaque-cookie-1" ' }] }),
    );
    expect(found.map((f) => f.value)).toEqual(['opaque-cookie-1', 'oauth:abc12345']);
  });

  it('reads entries of the wrong shape without throwing, keeping what is well-formed', () => {
    const hostile = {
      startedDateTime: 42,
      time: 'slow',
      request: {
        url: { href: 'https://x.example' },
        headers: [null, 7, { name: 'Authorization' }, { name: 3, value: 'Bearer abcdefgh12' }, { name: 'Authorization', value: 'Bearer good-token-1' }],
        cookies: 'CF_Authorization=abc',
      },
      response: { status: '200', headers: { name: 'Date', value: 'x' }, cookies: [{ name: 'token', value: { v: 1 } }] },
    } as unknown as Parameters<typeof extractTokensFromHarEntry>[0];
    let found: ReturnType<typeof extractTokensFromHarEntry> = [];
    expect(() => (found = extractTokensFromHarEntry(hostile, '{"access_token":"x-12345678"}'))).not.toThrow();
    expect(found.map((f) => f.value)).toEqual(['good-token-1']);
    expect(() => extractTokensFromHarEntry({} as never)).not.toThrow();
    expect(() => mayCarryTokens({ response: null } as never)).not.toThrow();
  });
});

describe('extractTokensFromTokenResponse', () => {
  it('accepts camelCase, nesting one level down, and expires_in as a string', () => {
    const found = extractTokensFromTokenResponse(JSON.stringify({ data: { accessToken: 'abc-123-def', expiresIn: '3600' } }), 1_000_000, 'https://x/token');
    expect(found).toEqual([expect.objectContaining({ value: 'abc-123-def', issuedExpiresAt: 1000 + 3600, name: 'accessToken' })]);
  });
  it('reads refresh token lifetimes when the issuer gives them', () => {
    const found = extractTokensFromTokenResponse(JSON.stringify({ access_token: 'a-12345678', refresh_token: 'r-12345678', refresh_expires_in: 1800 }), 0, 'u');
    expect(found.find((f) => f.role === 'refresh')?.issuedExpiresAt).toBe(1800);
  });
});

describe('mayCarryTokens', () => {
  it('reads only successful JSON responses of sane size', () => {
    expect(mayCarryTokens(harEntry())).toBe(true);
    expect(mayCarryTokens(harEntry({ mimeType: 'text/html' }))).toBe(false);
    expect(mayCarryTokens(harEntry({ status: 302 }))).toBe(false);
    expect(mayCarryTokens(harEntry({ size: 10_000_000 }))).toBe(false);
  });
});
