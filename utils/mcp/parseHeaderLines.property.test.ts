import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyText, cloneProblems, TIME_BUDGET_MS, timed, PROPERTY_TIMEOUT_MS } from '../hostileInput.test-helper';
import { parseHeaderLines } from './parseHeaderLines';

const RESERVED = /^(host|content-length|content-type|accept|mcp-session-id|mcp-protocol-version|connection|authorization)$/i;
// Any valid name but those refused on purpose: reserved ones, __proto__, and "#…" (a comment line).
const headerName = fc
  .oneof(
    fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'CF-Access-Client-Id', '123'),
    fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/),
  )
  .filter((n) => !RESERVED.test(n) && n.toLowerCase() !== '__proto__' && !n.startsWith('#'));
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);

describe('parseHeaderLines, property-based', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('answers any text fast; what it accepts are valid, allowed names with trimmed one-line values', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // Every accepted header must be one fetch can send.
        const { result, ms } = timed(() => parseHeaderLines(text));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.deepEqual(cloneProblems(result), []);
        if (!result.ok) return assert.ok(result.error.length < 200);
        for (const [name, value] of Object.entries(result.headers)) {
          assert.match(name, /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
          assert.doesNotMatch(name, RESERVED);
          assert.equal(value, value.trim());
          assert.doesNotMatch(value, /[\0\r\n\u0100-\uffff]/);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives back every header it was given, whatever its name, the last line winning', () => {
    const lines = fc.array(fc.tuple(headerName, headerValue, fc.constantFrom('', ' ', '  ')), { maxLength: 8 });
    fc.assert(
      fc.property(lines, fc.constantFrom('\n', '\r\n'), (headers, newline) => {
        const text = headers.map(([n, v, space]) => `${n}:${space}${v}`).join(newline);
        const result = parseHeaderLines(text);
        assert.ok(result.ok);
        const expected = new Map<string, string>();
        for (const [n, v] of headers) expected.set(n, v);
        assert.deepEqual(new Map(Object.entries(result.headers)), expected);
        // Names are case-insensitive to fetch: the last spelling of each wins there.
        const sent = new Headers({ ...result.headers });
        for (const [n, v] of expected) assert.ok(sent.get(n)?.includes(v), `${n} was not sent`);
      }),
      { numRuns: 5_000 },
    );
  });
});
