import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { unsignedJwt } from '../../test-support/tokens';
import { TIME_BUDGET_MS, timed } from '../hostileInput.test-helper';
import { suggestJwksUrl, verifyJwtSignature, verifyWithJwks } from './verifyJwt';

describe('JWT signature check against a JWKS', async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] };
  const sign = (key: CryptoKey, kid = 'k1') => new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'RS256', kid }).sign(key);

  it('says valid, with the key id, for a token signed by a published key', async () => {
    expect(await verifyWithJwks(await sign(privateKey), jwks, 'u')).toEqual({ state: 'valid', kid: 'k1', alg: 'RS256', jwksUrl: 'u' });
  });
  it('says invalid, and why, for another key, an unknown kid, or alg none', async () => {
    expect(await verifyWithJwks(await sign(other.privateKey), jwks, 'u')).toMatchObject({
      state: 'invalid',
      reason: expect.stringMatching(/signature does not match/),
    });
    expect(await verifyWithJwks(await sign(privateKey, 'k2'), jwks, 'u')).toMatchObject({
      state: 'invalid',
      reason: expect.stringMatching(/No key in that set/),
    });
    expect((await verifyWithJwks(unsignedJwt({ sub: 'a' }), jwks, 'u')).state).toBe('invalid');
  });
  it('explains key sets that are not key sets', async () => {
    const html: typeof fetch = async () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(await verifyJwtSignature(await sign(privateKey), 'https://x/jwks', html)).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/HTML page/),
    });
    const notFound: typeof fetch = async () => new Response('nope', { status: 404 });
    expect(await verifyJwtSignature(await sign(privateKey), 'https://x/jwks', notFound)).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/HTTP 404/),
    });
    const ok: typeof fetch = async () => Response.json(jwks);
    expect((await verifyJwtSignature(await sign(privateKey), 'https://x/jwks', ok)).state).toBe('valid');
  });
  it("suggests the issuer's usual key URL, Cloudflare Access included", () => {
    expect(suggestJwksUrl('https://team.cloudflareaccess.com')).toBe('https://team.cloudflareaccess.com/cdn-cgi/access/certs');
    expect(suggestJwksUrl('https://auth.example.com/realms/x/')).toBe('https://auth.example.com/realms/x/.well-known/jwks.json');
    expect(suggestJwksUrl('not a url')).toBeUndefined();
  });
  it("drops the issuer's query, fragment and credentials from the suggested key URL", () => {
    expect(suggestJwksUrl('https://auth.example.com/realms/x?tenant=1#frag')).toBe('https://auth.example.com/realms/x/.well-known/jwks.json');
    expect(suggestJwksUrl('https://user:pw@auth.example.com/?a=b')).toBe('https://auth.example.com/.well-known/jwks.json');
    expect(suggestJwksUrl('https://team.cloudflareaccess.com/?a=b#c')).toBe('https://team.cloudflareaccess.com/cdn-cgi/access/certs');
  });
  it('suggests in linear time, even for an issuer that is 100 KB of slashes', () => {
    const iss = `https://auth.example.com/${'/'.repeat(100_000)}x`;
    const { result, ms } = timed(() => suggestJwksUrl(iss));
    expect(result).toMatch(/\/x\/\.well-known\/jwks\.json$/);
    expect(ms).toBeLessThan(TIME_BUDGET_MS);
  });
  it('stops reading a key set after 256 KB and says so', async () => {
    let served = 0;
    const chunk = new TextEncoder().encode(`{"keys":[${'{"kty":"oct","k":"AAAA"},'.repeat(2000)}`);
    const huge: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (served > 20_000_000) return controller.close();
            served += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    const result = await verifyJwtSignature(await sign(privateKey), 'https://x/jwks', huge);
    expect(result).toMatchObject({ state: 'error', reason: expect.stringMatching(/the key set is larger than 256 KB/) });
    expect(served).toBeLessThan(512 * 1024);
  });
  it('says a key set that is not JSON is not one, in words', async () => {
    const text: typeof fetch = async () => new Response('keys: none', { status: 200 });
    expect(await verifyJwtSignature(await sign(privateKey), 'https://x/jwks', text)).toMatchObject({
      state: 'error',
      reason: 'https://x/jwks did not return JSON, so it is not a key set.',
    });
  });
});
