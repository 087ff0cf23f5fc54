import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { extractTokensFromHarEntry, mayCarryTokens } from './extractTokensFromHarEntry';
import type { HarEntryLike } from './har';
import { b64, bigText, cloneProblems, joseLike, smallText, TIME_BUDGET_MS, timed, PROPERTY_TIMEOUT_MS } from '../hostileInput.test-helper';

const JWT = `${b64('{"alg":"HS256"}')}.${b64('{"sub":"a","exp":2000000000}')}.c2ln`;

/** Values a page may put where tokens go: tokens, blanks, junk, and now and then something that is not a string at all. */
const value = fc.oneof(
  { arbitrary: fc.constantFrom(JWT, `Bearer ${JWT}`, 'Bearer oauth:abc123456', 'DPoP  x', '', ' ', '\t\n', '""', '" "', 'deleted', 'Bearer  '), weight: 3 },
  { arbitrary: smallText, weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 1 }), weight: 1 },
);
const name = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'authorization',
    'Cookie',
    'Set-Cookie',
    'Date',
    'X-Access-Token',
    'cf-access-jwt-assertion',
    'CF_Authorization',
    'access_token',
    'token',
  ),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  smallText,
  fc.anything({ maxDepth: 0 }),
);
const pairs = fc.oneof(
  { arbitrary: fc.array(fc.oneof(fc.record({ name, value }), fc.anything({ maxDepth: 1 })), { maxLength: 6 }), weight: 6 },
  fc.anything({ maxDepth: 1 }),
);

const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('access_token', 'id_token', 'token', 'jwt', '__proto__'), smallText),
      fc.oneof(smallText, fc.constantFrom('%20%20%20%20%20%20%20%20', JWT)),
    ),
    {
      maxLength: 4,
    },
  )
  .map((params) => params.map(([k, v]) => `${k}=${v}`).join('&'));
const url = fc.oneof(
  { arbitrary: query.map((q) => `https://portal.example.com/oauth/token?${q}`), weight: 4 },
  { arbitrary: smallText, weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 1 }), weight: 1 },
);

const tokenField = fc.oneof(fc.constantFrom('', ' ', '\u00a0\t', JWT, 'oauth:opaque-1'), smallText, fc.anything({ maxDepth: 1 }));
const body = fc.oneof(
  fc.constant(undefined),
  fc
    .record(
      {
        access_token: tokenField,
        accessToken: tokenField,
        refresh_token: tokenField,
        id_token: tokenField,
        expires_in: fc.oneof(fc.integer(), fc.double(), smallText),
        token_type: tokenField,
        scope: tokenField,
        __proto__: fc.dictionary(fc.constantFrom('access_token', 'refresh_token'), tokenField),
      },
      { requiredKeys: [] },
    )
    .chain((object) => fc.constantFrom(object, { data: object }, [object]))
    .map((object) => JSON.stringify(object)),
  smallText,
  fc.anything({ maxDepth: 1 }),
);

const entry = fc.record({
  startedDateTime: fc.oneof(
    fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
    fc.anything({ maxDepth: 0 }),
  ),
  time: fc.oneof(fc.double(), fc.anything({ maxDepth: 0 })),
  request: fc.oneof(
    { arbitrary: fc.record({ method: fc.constantFrom('GET', 'POST'), url, headers: pairs, cookies: pairs }), weight: 8 },
    fc.anything({ maxDepth: 1 }),
  ),
  response: fc.oneof(
    {
      arbitrary: fc.record({
        status: fc.oneof(fc.constantFrom(200, 204, 302, 401), fc.anything({ maxDepth: 0 })),
        headers: pairs,
        cookies: pairs,
        content: fc.anything({ maxDepth: 1 }),
      }),
      weight: 8,
    },
    fc.anything({ maxDepth: 1 }),
  ),
});

/** Now and then one part of the entry is 1 to 100 KB of text, or a damaged JWT: the rest stays small, so the whole is at most about 100 KB. */
const hostile = fc.oneof(
  { arbitrary: fc.tuple(entry, body), weight: 16 },
  {
    arbitrary: fc
      .tuple(entry, body, fc.oneof(bigText, joseLike()), fc.constantFrom('authorization', 'header', 'cookie-header', 'set-cookie', 'url', 'body'))
      .map(([e, b, big, where]) => {
        const request = { method: 'GET', url: 'https://x.example/', headers: [] as unknown[], cookies: [] };
        const response = { status: 200, headers: [] as unknown[], cookies: [] };
        if (where === 'authorization') request.headers.push({ name: 'Authorization', value: `Bearer ${big}` });
        if (where === 'header') request.headers.push({ name: 'X-Access-Token', value: big }, { name: 'X-Other', value: big });
        if (where === 'cookie-header') request.headers.push({ name: 'Cookie', value: big });
        if (where === 'set-cookie') response.headers.push({ name: 'Set-Cookie', value: big });
        if (where === 'url') request.url = `https://x.example/?${big}`;
        return [{ ...e, request, response }, where === 'body' ? big : b] as const;
      }),
    weight: 1,
  },
);

describe('extractTokensFromHarEntry, property-based', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('reads any entry without throwing, fast, and every token it reports is a non-blank trimmed string', () => {
    fc.assert(
      fc.property(hostile, ([e, responseBody]) => {
        const harEntry = e as unknown as HarEntryLike;
        const { result: found, ms } = timed(() => extractTokensFromHarEntry(harEntry, responseBody as string | undefined));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.ok(Array.isArray(found));
        assert.deepEqual(cloneProblems(found), []);
        assert.equal(JSON.stringify(structuredClone(found)), JSON.stringify(found));
        for (const o of found) {
          assert.equal(typeof o.value, 'string');
          assert.notEqual(o.value.trim(), '');
          assert.equal(o.value, o.value.trim());
          assert.equal(typeof o.name, 'string');
          assert.equal(typeof o.origin, 'string');
          assert.ok(Number.isFinite(o.at));
          if (o.serverClockOffsetMs !== undefined) assert.ok(Number.isFinite(o.serverClockOffsetMs));
          if (o.issuedExpiresAt !== undefined) assert.ok(Number.isFinite(o.issuedExpiresAt));
        }
        assert.equal(typeof mayCarryTokens(harEntry), 'boolean');
      }),
      { numRuns: 12_000 },
    );
  });
});
