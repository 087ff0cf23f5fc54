import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { encryptedJwe, signedJwt, signedText, unsignedJwt } from '../test-support/tokens';
import { claimsOf, decodeToken } from './decodeToken';

describe('decodeToken', () => {
  it('decodes a signed JWT with Unicode claims, UTF-8 correct', async () => {
    const token = await signedJwt({ sub: 'user-1', name: 'Zoë Ångström 🚀', city: '東京', exp: 2_000_000_000 });
    const decoded = decodeToken(token);
    expect(decoded.kind).toBe('jwt');
    if (decoded.kind !== 'jwt') return;
    expect(decoded.header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: 'test-key' });
    expect(decoded.signed).toBe(true);
    expect(claimsOf(decoded)).toMatchObject({ name: 'Zoë Ångström 🚀', city: '東京', exp: 2_000_000_000 });
    expect(decoded.warnings).toEqual([]);
  });

  it('shows a non-JSON JWS payload as text', async () => {
    const decoded = decodeToken(await signedText('hello, wörld'));
    expect(decoded).toMatchObject({ kind: 'jwt', payload: { type: 'text', text: 'hello, wörld' } });
  });

  it('reports a binary payload by size instead of mojibake', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'HS256' }));
    const payload = base64url.encode(new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
    expect(decodeToken(`${header}.${payload}.c2ln`)).toMatchObject({ kind: 'jwt', payload: { type: 'binary', byteLength: 4 } });
  });

  it('shows only the header of a JWE, marked encrypted', async () => {
    const decoded = decodeToken(await encryptedJwe({ secret: 'x' }));
    expect(decoded.kind).toBe('jwe');
    if (decoded.kind === 'jwe') expect(decoded.header).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-key' });
    expect(JSON.stringify(decoded)).not.toContain('secret');
  });

  it('decodes alg "none" but marks it unsigned', () => {
    const decoded = decodeToken(unsignedJwt({ sub: 'x' }));
    expect(decoded).toMatchObject({ kind: 'jwt', signed: false });
    expect(decoded.warnings.join(' ')).toMatch(/unsigned/);
  });

  it('warns when a time claim looks like milliseconds and when exp precedes iat', async () => {
    const decoded = decodeToken(await signedJwt({ exp: 1_700_000_000_000, iat: 1_700_000_000 }));
    expect(decoded.warnings.some((w) => w.includes('"exp" looks like milliseconds'))).toBe(true);
    const backwards = decodeToken(await signedJwt({ exp: 1_600_000_000, iat: 1_700_000_000 }));
    expect(backwards.warnings.join(' ')).toMatch(/earlier than "iat"/);
  });

  it('warns when the header names its own key (jku / x5u)', async () => {
    expect(decodeToken(await signedJwt({}, { jku: 'https://evil.example/keys' })).warnings.join(' ')).toMatch(/never with a key the token names/);
  });

  it.each([
    ['4 segments', 'eyJhbGciOiJIUzI1NiJ9.e30.e30.sig', /4 dot-separated parts/],
    ['bad base64 in the header', 'eyJhbGci*iJIUzI1NiJ9.e30.sig', /header \(part 1\) contains "\*"/],
    ['plain base64 in the payload', 'eyJhbGciOiJIUzI1NiJ9.e3+=.sig', /payload \(part 2\) contains "\+"/],
    ['a header that is not JSON', `${base64url.encode('not json')}.e30.sig`, null],
    ['an impossible base64 length', 'eyJhbGciOiJIUzI1NiJ9.e30.abcde', /signature \(part 3\) has a length/],
    ['whitespace', 'eyJhbGc iOiJ9.e30.x', /whitespace/],
    ['the literal "undefined"', 'undefined', /before it held a token/],
    ['nothing', '   ', /empty/],
  ])('calls %s malformed with a readable reason', (_name, input, reason) => {
    const decoded = decodeToken(input);
    if (reason === null) {
      // "bm90IGpzb24" does not start with eyJ and is not a JSON header: it is an opaque dotted value.
      expect(decoded.kind).toBe('opaque');
      return;
    }
    expect(decoded.kind).toBe('malformed');
    if (decoded.kind === 'malformed') expect(decoded.reason).toMatch(reason);
  });

  it('describes opaque tokens by shape without guessing an expiry', () => {
    expect(decodeToken('oauth:AbC123xyz789')).toMatchObject({ kind: 'opaque', length: 18, shape: expect.stringMatching(/Cloudflare Access/) });
    expect(decodeToken('user1:grant9:s3cr3tvalue')).toMatchObject({ kind: 'opaque', shape: expect.stringMatching(/workers-oauth-provider/) });
    expect(decodeToken('ya29.a0AfH6SMBx')).toMatchObject({ kind: 'opaque', shape: expect.stringMatching(/ya29/) });
    expect(decodeToken('ghp_Zq7e42F292c6912E7710c838347Ae178Bxy')).toMatchObject({ kind: 'opaque', shape: '"ghp" prefix, then base64url characters' });
  });

  it('never throws, whatever it is given', () => {
    const inputs = ['.', '..', '....', 'eyJ', 'eyJ.', 'eyJ..', '\u0000', 'eyJ\uD800.x.y', 'a'.repeat(100_000), '%%%.%%%.%%%'];
    for (const input of inputs) expect(() => decodeToken(input)).not.toThrow();
  });
});
