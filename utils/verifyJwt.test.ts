import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { unsignedJwt } from '../test-support/tokens';
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
});
