import { describe, expect, it } from 'vitest';
import { jsonText, moreText } from './jsonText';

describe('jsonText: server data as bounded JSON text', () => {
  it('writes what JSON.stringify writes, pretty or compact', () => {
    const value = { a: [1, 'two', null, true, { b: [] }], c: {}, 'quote"d': 'x\ny' };
    expect(jsonText(value).text).toBe(JSON.stringify(value, null, 2));
    expect(jsonText(value, { indent: 0 }).text).toBe(JSON.stringify(value));
  });

  it('writes nesting far deeper than JSON.stringify survives', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const { text, omittedChars } = jsonText(deep, { indent: 0 });
    expect(text).toBe(`${'['.repeat(200_000)}"bottom"${']'.repeat(200_000)}`);
    expect(omittedChars).toBe(0);
  });

  it('stops writing at maxChars and counts exactly what it left out', () => {
    const value = { list: Array.from({ length: 100 }, (_, i) => i) };
    const full = JSON.stringify(value);
    const capped = jsonText(value, { indent: 0, maxChars: 50 });
    expect(capped.text).toBe(full.slice(0, 50));
    expect(capped.omittedChars).toBe(full.length - 50);
    expect(capped.uncounted).toBeUndefined();
  });

  it('stops counting a huge rest: it reads a bounded part of a million-item array and says "over"', () => {
    let reads = 0;
    const items = new Proxy(
      Array.from({ length: 1_000_000 }, () => 7),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    const capped = jsonText({ items }, { maxChars: 1_000 });
    expect(capped.text).toHaveLength(1_000);
    expect(reads).toBeLessThan(200_000);
    expect(capped.uncounted).toBe(true);
    expect(moreText(capped.omittedChars, capped.uncounted)).toMatch(/^… over \d+ KB more$/);
  });
});
