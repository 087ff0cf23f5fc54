import { describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import { parsePastedToken } from './parsePastedToken';

describe('parsePastedToken', () => {
  it('accepts a bare token, "Bearer …", a header line, a curl -H fragment and a .env line', async () => {
    const jwt = await signedJwt({ sub: 'a' });
    for (const input of [
      jwt,
      `Bearer ${jwt}`,
      `  bearer ${jwt}\n`,
      `Authorization: Bearer ${jwt}`,
      `-H "Authorization: Bearer ${jwt}"`,
      `MCP_OAUTH_TOKEN=${jwt}`,
      `cf-access-jwt-assertion: ${jwt}`,
    ]) {
      expect(parsePastedToken(input)).toEqual({ ok: true, token: jwt });
    }
    expect(parsePastedToken('oauth:abcdef123456')).toEqual({ ok: true, token: 'oauth:abcdef123456' });
    // Base64 padding is not a .env line.
    for (const padded of ['dGhpcyBpcyBvcGFxdWU=', 'dGhpcyBpcyBvcGFxdQ==']) expect(parsePastedToken(padded)).toEqual({ ok: true, token: padded });
  });

  it('takes only the value of a .env line, whatever the case of its name, with quotes, spaces or "export"', async () => {
    const jwt = await signedJwt({ sub: 'a' });
    const opaque = 'oauth:abcdef123456';
    for (const [input, token] of [
      [`token=${opaque}`, opaque],
      [`access_token = "${jwt}"`, jwt],
      [`export token='${jwt}'`, jwt],
      [`export MCP_TOKEN=${jwt}`, jwt],
      [`mcpToken=Bearer ${jwt}`, jwt],
      [`Cf_Authorization=${jwt}`, jwt],
    ]) {
      expect(parsePastedToken(input), input).toEqual({ ok: true, token });
    }
  });

  it.each([
    ['', /Nothing to add/],
    ['Basic dXNlcjpwYXNz', /Basic/],
    ['Bearer', /too short|scheme but no token/i],
    ['abc', /Too short/],
    ['<html><body>Sign in</body></html>', /not a token|spaces, quotes or markup/],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', /2 dot-separated parts/],
    ['eyJhbGciOiJIUzI1NiJ9.@@@.sig', /payload \(part 2\)/],
    ['Token abcdefghijkl', /not a token scheme/],
    ['access_token=', /no token after "="/],
    ['export MCP_TOKEN=""', /no token after "="/],
  ])('refuses %j with a readable reason', (input, reason) => {
    const result = parsePastedToken(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
