import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { encryptedJwe, signedJwt, signedText, unsignedJwt } from '../../test-support/tokens';
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

  it('calls a payload that is not UTF-8 malformed: such tokens were damaged on the way', () => {
    const header = base64url.encode(JSON.stringify({ alg: 'HS256' }));
    const payload = base64url.encode(new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
    const decoded = decodeToken(`${header}.${payload}.c2ln`);
    expect(decoded.kind).toBe('malformed');
    if (decoded.kind === 'malformed') expect(decoded.reason).toContain('payload is not valid UTF-8 — the token was probably damaged when copied');
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

const part = (text: string) => base64url.encode(text);
const HS256 = part('{"alg":"HS256","typ":"JWT"}');
/** `[[[…]]]` nested `levels` deep, as JSON text. */
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('decodeToken on hostile tokens', () => {
  it('keeps a payload nested 3,300 levels deep (a 9 KB header) cloneable: cut at 32 levels, marked, and said in a warning', () => {
    const token = `${HS256}.${part(`{"sub":"a","deep":${nested(3300)}}`)}.c2ln`;
    expect(token.length).toBeLessThan(10_000);
    const decoded = decodeToken(token);
    expect(() => structuredClone(decoded)).not.toThrow();
    expect(() => JSON.stringify(decoded)).not.toThrow();
    const claims = claimsOf(decoded);
    expect(claims.sub).toBe('a');
    expect(depthOf(claims)).toBeLessThanOrEqual(32);
    expect(JSON.stringify(claims)).toContain('"[nested too deep]"');
    expect(decoded.warnings.join(' ')).toMatch(/nested deeper than 32 levels/);
  });

  it('bounds the protected header the same way', () => {
    const decoded = decodeToken(`${part(`{"alg":"HS256","x":${nested(3000)}}`)}.${part('{}')}.c2ln`);
    expect(decoded.kind).toBe('jwt');
    if (decoded.kind !== 'jwt') return;
    expect(() => structuredClone(decoded)).not.toThrow();
    expect(depthOf(decoded.header)).toBeLessThanOrEqual(32);
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.warnings.join(' ')).toMatch(/header.*nested deeper than 32 levels/);
  });

  it('keeps at most 1,000 keys of one object or items of one array, marks the cut and says so', () => {
    // Kept under the 16 KB token limit: short keys, small items.
    const keys = Object.fromEntries(Array.from({ length: 1050 }, (_, i) => [i.toString(36), 0]));
    const items = new Array(1100).fill(0);
    const decoded = decodeToken(`${HS256}.${part(JSON.stringify({ exp: 2_000_000_000, keys, items }))}.c2ln`);
    const claims = claimsOf(decoded);
    const keptKeys = claims.keys as Record<string, unknown>;
    expect(Object.keys(keptKeys)).toHaveLength(1001);
    expect(keptKeys['[truncated]']).toBe('[truncated]');
    expect(claims.items).toEqual([...new Array(1000).fill(0), '[truncated]']);
    expect(claims.exp).toBe(2_000_000_000);
    expect(decoded.warnings.join(' ')).toMatch(/payload is too big to show whole.*what was cut is shown as "\[truncated\]"/);
  });

  it('lists a token longer than 16 KB by its header only, saying it is too long to decode', () => {
    const token = `${HS256}.${part(JSON.stringify({ sub: 'a', pad: 'x'.repeat(20_000) }))}.c2ln`;
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({ kind: 'jwt', header: { alg: 'HS256' }, signed: true, payload: { type: 'not-decoded' } });
    expect(JSON.stringify(decoded)).not.toContain('xxxx');
    expect(decoded.warnings.join(' ')).toMatch(/too long to decode: 27 KB/);
  });

  it('calls a header without "alg" malformed, not merely suspicious', () => {
    for (const header of ['{"typ":"JWT"}', '{"alg":7}', '{"alg":""}']) {
      const decoded = decodeToken(`${part(header)}.${part('{"sub":"a"}')}.c2ln`);
      expect(decoded.kind, header).toBe('malformed');
      if (decoded.kind === 'malformed') expect(decoded.reason).toMatch(/header \(part 1\) has no "alg"/);
    }
  });

  it('calls a JWE malformed when one of its other four parts is not base64url', () => {
    const header = part('{"alg":"dir","enc":"A256GCM"}');
    const decoded = decodeToken(`${header}..aXY.Y2lwaGVy.t@g`);
    expect(decoded.kind).toBe('malformed');
    if (decoded.kind === 'malformed') expect(decoded.reason).toMatch(/authentication tag \(part 5\) contains "@"/);
    expect(decodeToken(`${header}..aXY.Y2lwaGVy.dGFn`).kind).toBe('jwe');
  });

  it('calls a segment with leftover bits malformed: no encoder writes those, a cut or edited token does', () => {
    // "e30" is `{}`; "e31" decodes to the same bytes only because a lenient decoder drops the stray bits.
    const decoded = decodeToken(`${HS256}.e31.c2ln`);
    expect(decoded.kind).toBe('malformed');
    if (decoded.kind === 'malformed') expect(decoded.reason).toMatch(/payload \(part 2\) .*leftover bits/);
  });

  it('keeps a UTF-8 payload that is not JSON as text (RFC 7520 signs plain text)', () => {
    expect(decodeToken(`${HS256}.${part('It’s a dangerous business, Frodo')}.c2ln`)).toMatchObject({ kind: 'jwt', payload: { type: 'text' } });
  });

  it('reads claims named like Object.prototype members as ordinary claims', () => {
    const decoded = decodeToken(`${HS256}.${part('{"__proto__":{"exp":1},"constructor":"c","toString":2,"hasOwnProperty":null}')}.c2ln`);
    const claims = claimsOf(decoded);
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    expect(Object.keys(claims)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(claims, '__proto__')?.value).toEqual({ exp: 1 });
    expect(decoded.warnings).toEqual([]);
  });
});
