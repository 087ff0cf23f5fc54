import { describe, expect, it } from 'vitest';
import { parseHeaderLines } from './parseHeaderLines';

describe('parseHeaderLines', () => {
  it('reads "Name: value" lines, skipping blank lines and comments', () => {
    const result = parseHeaderLines('# Access service token\nCF-Access-Client-Id: abc.access\n\nCF-Access-Client-Secret:  s3cr3t  \r\nX-Api-Key: k:1');
    expect(result.ok && Object.entries(result.headers)).toEqual([
      ['CF-Access-Client-Id', 'abc.access'],
      ['CF-Access-Client-Secret', 's3cr3t'],
      ['X-Api-Key', 'k:1'],
    ]);
  });

  it('refuses a __proto__ line in words instead of dropping it', () => {
    for (const text of ['__proto__: x', 'X-Ok: 1\n__PROTO__: x']) {
      const result = parseHeaderLines(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Line \d: a header cannot be named __proto__ here/);
    }
  });

  it('keeps headers named like other Object.prototype members, and they reach the request', () => {
    const result = parseHeaderLines('constructor: c\ntoString: t\nhasOwnProperty: h\nvalueOf: v');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.entries(result.headers)).toEqual([
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
      ['valueOf', 'v'],
    ]);
    // What the MCP session does with them: spread into its own headers, then hand them to fetch.
    const sent = new Headers({ ...result.headers, Authorization: 'Bearer t' });
    expect([...sent]).toEqual([
      ['authorization', 'Bearer t'],
      ['constructor', 'c'],
      ['hasownproperty', 'h'],
      ['tostring', 't'],
      ['valueof', 'v'],
    ]);
  });

  it('ends a line at a lone carriage return, so no value carries one into a request', () => {
    const result = parseHeaderLines('X-A: 1\rX-B: 2');
    expect(result.ok && Object.entries(result.headers)).toEqual([
      ['X-A', '1'],
      ['X-B', '2'],
    ]);
  });

  it('refuses a value fetch could not send, naming the header', () => {
    const result = parseHeaderLines('X-Emoji: 🚀');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Line 1: the value of X-Emoji has characters a header cannot carry/) });
  });

  it.each([
    ['no colon', /Line 1: expected "Name: value"/],
    ['Bad Name: v', /"Bad Name" is not a valid header name/],
    ['x: 1\nHost: evil.example', /Line 2: Host is set by the MCP client itself/],
    ['authorization: Bearer x', /choose the token above/],
  ])('refuses %j with the line and the reason', (text, reason) => {
    const result = parseHeaderLines(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('keeps an error about a huge bad name short', () => {
    const result = parseHeaderLines(`${'a b'.repeat(30_000)}: v`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});

describe('parseHeaderLines errors stay short', () => {
  it('even for a name of control characters, which JSON escapes six to one', () => {
    const result = parseHeaderLines(`${'\u0000'.repeat(500)}: x`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });
});
