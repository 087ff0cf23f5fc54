import { describe, expect, it } from 'vitest';
import { parseBearerChallenge, parseChallenges } from './wwwAuthenticate';

describe('WWW-Authenticate parsing', () => {
  it('reads the Bearer challenge among several, with quoted strings, escapes, and token values', () => {
    const header = 'Basic realm="a, b", Bearer realm="x", error="invalid_token", error_description="a \\"quoted\\", word", scope=read, Negotiate abc123==';
    expect({ ...parseBearerChallenge(header) }).toEqual({ realm: 'x', error: 'invalid_token', error_description: 'a "quoted", word', scope: 'read' });
    expect(parseChallenges(header).map((c) => [c.scheme, c.token68 ?? null])).toEqual([
      ['basic', null],
      ['bearer', null],
      ['negotiate', 'abc123=='],
    ]);
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseBearerChallenge('Bearer')).toEqual({});
  });

  it('keeps __proto__ and other odd parameter names as plain data', () => {
    const params = parseBearerChallenge('Bearer __proto__="polluted", constructor=x, toString=y')!;
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(params.__proto__).toBe('polluted');
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes time linear in the header: 100,000 characters of hostile input in well under a second', () => {
    const shapes = [
      `Bearer ${'a='.repeat(50_000)}`,
      `Bearer realm="${'\\"'.repeat(50_000)}`,
      `Bearer ${'a '.repeat(50_000)}`,
      `${'bearer'.repeat(16_667)}`,
      `Bearer ${'x=y,'.repeat(25_000)}`,
      `Bearer ${'a'.repeat(100_000)}=`,
    ];
    for (const header of shapes) {
      const started = performance.now();
      parseBearerChallenge(header);
      expect(performance.now() - started, header.slice(0, 20)).toBeLessThan(100);
    }
  });
});
