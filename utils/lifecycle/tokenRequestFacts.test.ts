import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { tokenFingerprint } from '../tokens/fingerprint';
import { isTokenRequestError, tokenRequestEvent } from './tokenRequestFacts';

const started = '2026-11-26T12:00:00.000Z';
const at = Date.parse(started);
const form = (text: string, url = 'https://portal.example.com/oauth/token?tenant=1') =>
  harEntry({ method: 'POST', url, postData: { mimeType: 'application/x-www-form-urlencoded', text }, startedDateTime: started });
const json = (body: unknown) =>
  harEntry({ method: 'POST', url: 'https://portal.example.com/oauth/token', postData: { mimeType: 'application/json', text: JSON.stringify(body) } });

describe('tokenRequestEvent: what a token request tells, never its values', () => {
  it('reads a form refresh request: grant, resource, offline_access, the refresh token by fingerprint; the endpoint without query', () => {
    const event = tokenRequestEvent(
      form('grant_type=refresh_token&refresh_token=rt-secret-1&resource=https%3A%2F%2Fportal.example.com%2Fmcp%3Fk%3Dv&scope=openid%20offline_access'),
      JSON.stringify({ access_token: 'at-secret-2', refresh_token: 'rt-secret-2', expires_in: 900 }),
    );
    expect(event).toEqual({
      id: expect.stringMatching(new RegExp(`^${at}\\|https://portal\\.example\\.com/oauth/token\\|200\\|[0-9a-f]{12}$`)),
      at,
      endpoint: 'https://portal.example.com/oauth/token',
      origin: 'https://portal.example.com',
      status: 200,
      grantType: 'refresh_token',
      bodyFormat: 'form',
      resources: ['https://portal.example.com/mcp'],
      offlineAccessRequested: true,
      refreshTokenSent: tokenFingerprint('rt-secret-1'),
      issued: { access: tokenFingerprint('at-secret-2'), refresh: tokenFingerprint('rt-secret-2'), expiresIn: 900 },
    });
    expect(JSON.stringify(event)).not.toMatch(/secret/);
  });

  it('reads JSON bodies, several resources, and no offline_access / no resource', () => {
    expect(tokenRequestEvent(json({ grant_type: 'authorization_code', code: 'c', resource: ['https://a.example/mcp', 'https://b.example/'] }))).toMatchObject({
      grantType: 'authorization_code',
      bodyFormat: 'json',
      resources: ['https://a.example/mcp', 'https://b.example/'],
      offlineAccessRequested: false,
    });
    const plain = tokenRequestEvent(form('grant_type=client_credentials&scope=read'));
    expect(plain).toMatchObject({ resources: [], offlineAccessRequested: false });
    expect(plain).not.toHaveProperty('refreshTokenSent');
    expect(plain).not.toHaveProperty('issued');
  });

  it('turns an OAuth error response into its code and capped description', () => {
    const entry = { ...form('grant_type=refresh_token&refresh_token=used'), response: { ...form('').response, status: 400 } };
    const event = tokenRequestEvent(entry, JSON.stringify({ error: 'invalid_grant', error_description: `Refresh token already used ${'x'.repeat(1000)}` }));
    expect(event?.status).toBe(400);
    expect(event?.error?.code).toBe('invalid_grant');
    expect(event?.error?.description?.length).toBe(300);
    expect(isTokenRequestError(entry)).toBe(true);
    expect(isTokenRequestError(form('grant_type=refresh_token'))).toBe(false);
  });

  it('masks a token the server echoes in its error description, and keeps the words', async () => {
    const entry = { ...form('grant_type=refresh_token&refresh_token=rt-9f8e7d6c5b4a39281706'), response: { ...form('').response, status: 400 } };
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz';
    const event = tokenRequestEvent(
      entry,
      JSON.stringify({ error: 'invalid_grant', error_description: `Invalid refresh token: rt-9f8e7d6c5b4a39281706 (was ${jwt})` }),
    );
    expect(event?.error?.description).toBe('Invalid refresh token: <redacted> (was <redacted>)');
    expect(
      tokenRequestEvent(entry, JSON.stringify({ error: 'invalid_grant', error_description: 'The authorization_code grant expired' }))?.error?.description,
    ).toBe('The authorization_code grant expired');
  });

  it('tells two refreshes racing in one millisecond apart, and the same request reported twice not', () => {
    const first = tokenRequestEvent(form('grant_type=refresh_token&refresh_token=rt-a'));
    const second = tokenRequestEvent(form('grant_type=refresh_token&refresh_token=rt-b'));
    expect(first?.at).toBe(second?.at);
    expect(first?.id).not.toBe(second?.id);
    expect(tokenRequestEvent(form('grant_type=refresh_token&refresh_token=rt-a'))?.id).toBe(first?.id);
  });

  it('ignores requests that are not token requests, and HTML where JSON was expected', () => {
    expect(tokenRequestEvent(harEntry({ method: 'GET', url: 'https://x.example/oauth/token?grant_type=refresh_token' }))).toBeUndefined();
    expect(tokenRequestEvent(form('code=abc&state=1'))).toBeUndefined();
    expect(tokenRequestEvent(json(['grant_type']))).toBeUndefined();
    expect(tokenRequestEvent(form('grant_type=refresh_token'), '<html>Sign in</html>')).not.toHaveProperty('issued');
  });

  it('keeps a grant type that is not a plain word out of the panel ("unknown")', () => {
    expect(tokenRequestEvent(form(`grant_type=${encodeURIComponent('<img src=x onerror=alert(1)>')}`))?.grantType).toBe('unknown');
    expect(tokenRequestEvent(form('grant_type=urn:ietf:params:oauth:grant-type:token-exchange'))?.grantType).toBe(
      'urn:ietf:params:oauth:grant-type:token-exchange',
    );
  });

  it('never throws and never carries a request value, whatever the entry holds', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), fc.option(fc.string()), (post, secret, body) => {
        const text = `grant_type=refresh_token&refresh_token=${encodeURIComponent(`S3CR3T${secret}`)}`;
        const event = tokenRequestEvent({ request: { method: 'POST', url: 'https://x.example/t', postData: post, headers: post } }, body ?? undefined);
        const withSecret = tokenRequestEvent(form(text), body ?? undefined);
        expect(event === undefined || typeof event.grantType === 'string').toBe(true);
        expect(JSON.stringify(withSecret)).not.toContain('S3CR3T');
      }),
      { numRuns: 2000 },
    );
  });
});
