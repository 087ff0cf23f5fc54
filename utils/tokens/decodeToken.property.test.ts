import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { DEFAULT_JSON_LIMITS } from './boundedJson';
import { claimsOf, decodeToken, MAX_DECODED_TOKEN_CHARS } from './decodeToken';
import { anyText, b64, cloneProblems, depthOf, nestedJson, smallText, TIME_BUDGET_MS, timed, PROPERTY_TIMEOUT_MS } from '../hostileInput.test-helper';

// node:assert rather than expect() inside properties: it is much cheaper per run, and fast-check
// prints the failing input and the seed either way.

function assertBounded(value: unknown, what: string): void {
  assert.ok(depthOf(value) <= DEFAULT_JSON_LIMITS.maxDepth, `${what} nested ${depthOf(value)} deep`);
  assert.ok(JSON.stringify(value).length <= DEFAULT_JSON_LIMITS.maxJsonChars, `${what} is ${JSON.stringify(value).length} characters of JSON`);
}

const HEADER = b64('{"alg":"HS256","typ":"JWT"}');

describe('decodeToken, property-based', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('returns a result for any text, fast, that survives cloning and JSON, with bounded header and claims', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const { result: decoded, ms } = timed(() => decodeToken(input));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.deepEqual(cloneProblems(decoded), []);
        const json = JSON.stringify(decoded);
        assert.equal(JSON.stringify(structuredClone(decoded)), json);
        if (decoded.kind === 'malformed') assert.ok(decoded.reason.length > 0);
        if (decoded.kind === 'jwt' || decoded.kind === 'jwe') {
          assertBounded(decoded.header, 'header');
          assert.equal(typeof decoded.header.alg, 'string');
        }
        if (decoded.kind === 'jwt' && decoded.payload.type === 'claims') assertBounded(decoded.payload.claims, 'claims');
      }),
      { numRuns: 25_000 },
    );
  });

  it('gives back the claims a JWT was made of, whatever their names and values', () => {
    const name = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'exp', 'iat', 'nbf', 'iss'), smallText);
    const claims = fc.dictionary(name, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 10 });
    fc.assert(
      fc.property(claims, (original) => {
        const json = JSON.stringify(original);
        const token = `${HEADER}.${b64(json)}.c2ln`;
        const decoded = decodeToken(token);
        if (token.length > MAX_DECODED_TOKEN_CHARS) {
          assert.equal(decoded.kind === 'jwt' && decoded.payload.type, 'not-decoded');
          return;
        }
        assert.equal(decoded.kind, 'jwt');
        const back = claimsOf(decoded);
        assert.equal(Object.getPrototypeOf(back), Object.prototype);
        // Same JSON text: same keys ("__proto__" included, as data), same order, same values.
        assert.equal(JSON.stringify(back), json);
      }),
      { numRuns: 8_000 },
    );
  });

  it('keeps claims nested up to 31 levels whole and cuts deeper ones at 32, with a warning', () => {
    const kind = fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), kind, (levels, k) => {
        const json = `{"d":${nestedJson(levels, k)}}`;
        const token = `${HEADER}.${b64(json)}.c2ln`;
        const { result: decoded, ms } = timed(() => decodeToken(token));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        if (token.length > MAX_DECODED_TOKEN_CHARS) return assert.equal(decoded.kind === 'jwt' && decoded.payload.type, 'not-decoded');
        const claims = claimsOf(decoded);
        assert.deepEqual(cloneProblems(decoded), []);
        assertBounded(claims, 'claims');
        const cut = levels + 1 > DEFAULT_JSON_LIMITS.maxDepth;
        assert.equal(JSON.stringify(claims).includes('"[nested too deep]"'), cut);
        assert.equal(
          decoded.warnings.some((w) => w.includes('nested deeper than')),
          cut,
        );
        if (!cut) assert.equal(JSON.stringify(claims), json);
      }),
      { numRuns: 1_000 },
    );
  });
});
