import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeToken } from './decodeToken';
import { anyText, b64, cloneProblems, smallText, TIME_BUDGET_MS, timed, PROPERTY_TIMEOUT_MS } from '../hostileInput.test-helper';
import { parsePastedToken } from './parsePastedToken';

/** Tokens of the kinds people paste: opaque ones, base64 ones (with padding) and JWTs. */
const token = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9_.~:-]{8,40}$/),
    fc.uint8Array({ minLength: 6, maxLength: 30 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    fc.stringMatching(/^(oauth:|ghp_|ya29\.)[A-Za-z0-9_-]{10,40}$/),
    fc
      .dictionary(smallText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
      .map((claims) => `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64(JSON.stringify(claims))}.c2ln`),
  )
  .filter((t) => decodeToken(t).kind !== 'malformed');

/** Every form the paste box accepts, around a token. */
const pasted = fc
  .tuple(
    token,
    fc.constantFrom('bare', 'bearer', 'header', 'curl', 'env'),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/),
    fc.constantFrom('', ' ', '  '),
    fc.constantFrom('', '"', "'"),
    fc.boolean(),
    fc.constantFrom('', ' ', '\n', '\t \n'),
  )
  .map(([t, form, name, space, quote, exported, around]) => {
    const text = {
      bare: t,
      bearer: `Bearer ${t}`,
      header: `Authorization:${space}Bearer ${t}`,
      curl: `-H ${quote || '"'}Authorization: Bearer ${t}${quote || '"'}`,
      env: `${exported ? 'export ' : ''}${name}${space}=${space}${quote}${t}${quote}`,
    }[form];
    return { token: t, text: `${around}${text}${around}` };
  });

describe('parsePastedToken, property-based', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('answers any text fast, and what it accepts is a token taken from that text', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const { result, ms } = timed(() => parsePastedToken(input));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.deepEqual(cloneProblems(result), []);
        if (!result.ok) return assert.ok(result.reason.length > 0);
        assert.ok(input.includes(result.token));
        assert.ok(result.token.length >= 8);
        assert.doesNotMatch(result.token, /[\s<>"'{}]/);
        assert.notEqual(decodeToken(result.token).kind, 'malformed');
      }),
      { numRuns: 12_000 },
    );
  });

  it('finds exactly the token in every accepted form: bare, Bearer, header line, curl -H, .env line in any case', () => {
    fc.assert(
      fc.property(pasted, ({ token: t, text }) => {
        assert.deepEqual(parsePastedToken(text), { ok: true, token: t });
      }),
      { numRuns: 5_000 },
    );
  });
});
