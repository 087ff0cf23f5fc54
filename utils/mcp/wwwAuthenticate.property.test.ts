import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinBudget } from './propertyTiming.test-helper';
import { parseBearerChallenge, parseChallenges } from './wwwAuthenticate';

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 });
const paramName = fc.oneof(token, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'realm', 'error', 'scope'));
// Quoted-string content: any visible text, including the characters that need escaping.
const quotedValue = fc.string({ unit: fc.constantFrom(...' abcXYZ019,;=:/"\\\t{}()@'), maxLength: 40 });
const headerish = fc.string({ unit: fc.constantFrom(...' \t,="\\abBearerc=x;/+~'), maxLength: 300 });

const quote = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

describe('WWW-Authenticate parsing, property-based', () => {
  it('never throws and answers any text within the time budget', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), headerish), (header) => {
        const challenges = withinBudget(
          () => parseChallenges(header),
          () => JSON.stringify(header.slice(0, 80)),
        );
        if (challenges.some((c) => Object.getPrototypeOf(c.params) !== null)) expect.fail('params must have no prototype');
        withinBudget(() => parseBearerChallenge(header));
      }),
      { numRuns: 35_000 },
    );
  }, 60_000);

  it('a Bearer challenge built from any parameters parses back to them, among other challenges', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(paramName, quotedValue, fc.boolean()), { selector: ([name]) => name.toLowerCase(), maxLength: 8 }),
        fc.constantFrom('', 'Basic realm="a, b", ', 'Negotiate abc+/9==, ', 'DPoP algs="ES256"  ,  '),
        fc.constantFrom('', ', Basic realm="x"', ', Negotiate YWJj', ',, Foo'),
        (params, before, after) => {
          const parts = params.map(([name, value, asToken]) => `${name}=${asToken && /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/.test(value) ? value : quote(value)}`);
          const header = `${before}Bearer ${parts.join(', ')}${after}`;
          const parsed = withinBudget(
            () => parseBearerChallenge(header),
            () => header,
          )!;
          // (Sorted: an object lists integer-like names first, whatever the header's order.)
          const byName = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : 1);
          expect(Object.entries(parsed).sort(byName)).toEqual(params.map(([name, value]): [string, string] => [name.toLowerCase(), value]).sort(byName));
        },
      ),
      { numRuns: 17_000 },
    );
  }, 60_000);
});
