import { describe, expect, it } from 'vitest';
import { signedJwt } from '../test-support/tokens';
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
  ])('refuses %j with a readable reason', (input, reason) => {
    const result = parsePastedToken(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
