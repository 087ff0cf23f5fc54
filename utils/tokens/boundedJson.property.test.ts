import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { boundJson, TOO_DEEP, TRUNCATED, type JsonLimits } from './boundedJson';
import { cloneProblems, depthOf, TIME_BUDGET_MS, timed, PROPERTY_TIMEOUT_MS } from '../hostileInput.test-helper';

const limits: fc.Arbitrary<JsonLimits> = fc.record({
  maxDepth: fc.integer({ min: 1, max: 40 }),
  maxEntries: fc.integer({ min: 1, max: 50 }),
  maxJsonChars: fc.integer({ min: 64, max: 5_000 }),
});

/**
 * Deep or wide JSON values, the shapes a hostile token uses, built by loops rather than recursion;
 * `size` is a share of what 100 KB of JSON text can hold (50,000 array items, 14,000 keys, 50,000 levels).
 */
function deepOrWide(maxLevels: number, scale = 1) {
  return fc
    .tuple(fc.double({ min: 0, max: scale, noNaN: true }), fc.constantFrom('array', 'object', 'wide', 'wide-object'), fc.jsonValue({ maxDepth: 1 }))
    .map(([size, shape, leaf]) => {
      if (shape === 'wide') return new Array(Math.floor(size * 50_000)).fill(leaf);
      if (shape === 'wide-object') return Object.fromEntries(Array.from({ length: Math.floor(size * 14_000) }, (_, i) => [`k${i}`, leaf]));
      let value: unknown = leaf;
      for (let i = 0; i < Math.floor(size * maxLevels); i++) value = shape === 'array' ? [value] : hostileLevel(value);
      return value;
    });
}

/** An object without a prototype, with an own "__proto__" key next to the nested value. */
function hostileLevel(inner: unknown): Record<string, unknown> {
  const level = Object.create(null) as Record<string, unknown>;
  level.a = inner;
  Object.defineProperty(level, '__proto__', { value: 1, enumerable: true, writable: true, configurable: true });
  return level;
}

// Smaller here (1,000 levels, a tenth of the width): the test measures every input it is given
// and compares with JSON.stringify, which overflows the stack past a few thousand levels.
const json = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 8 }, { arbitrary: deepOrWide(1_000, 0.1), weight: 1 });

/** Depth, number of containers and the largest container of a value, in one pass without recursion. */
function shapeOf(value: unknown): { depth: number; containers: number; largest: number } {
  const shape = { depth: 0, containers: 0, largest: 0 };
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const children = Object.values(v);
    shape.depth = Math.max(shape.depth, depth + 1);
    shape.containers++;
    shape.largest = Math.max(shape.largest, children.length);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return shape;
}

describe('boundJson, property-based', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('always returns JSON within the limits, fast, cloneable, with markers only where something was cut', () => {
    fc.assert(
      fc.property(json, limits, (value, lim) => {
        const { result, ms } = timed(() => boundJson(value, lim));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.deepEqual(cloneProblems(result), []);
        const text = JSON.stringify(result.value);
        assert.ok(text.length <= lim.maxJsonChars, `${text.length} > ${lim.maxJsonChars}`);
        const out = shapeOf(result.value);
        assert.ok(out.depth <= lim.maxDepth);
        // A cut container keeps maxEntries members and gets one marker.
        assert.ok(out.largest <= lim.maxEntries + 1);
        const expected = JSON.stringify(value);
        if (result.tooDeep === 0 && result.truncated === 0) assert.equal(text, expected);
        else assert.ok(text.includes(result.tooDeep > 0 ? TOO_DEEP : TRUNCATED));
        // Whatever fits with room to spare (32 characters per level of nesting, one per container) is kept whole.
        const input = shapeOf(value);
        const roomy = expected.length + 32 * input.depth + input.containers <= lim.maxJsonChars;
        if (roomy && input.depth <= lim.maxDepth && input.largest <= lim.maxEntries) assert.equal(text, expected);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws on values that are not JSON, and returns JSON for them', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
        }),
        (value) => {
          const { result, ms } = timed(() => boundJson(value));
          assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
          assert.deepEqual(cloneProblems(result), []);
          const text = JSON.stringify(result.value);
          assert.equal(JSON.stringify(JSON.parse(text)), text);
        },
      ),
      { numRuns: 8_000 },
    );
  });

  it('walks values nested 50,000 levels deep, or as wide as 100 KB of JSON allows, without overflowing the stack', () => {
    fc.assert(
      fc.property(deepOrWide(50_000), limits, (value, lim) => {
        const { result, ms } = timed(() => boundJson(value, lim));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.ok(depthOf(result.value) <= lim.maxDepth);
        assert.ok(JSON.stringify(result.value).length <= lim.maxJsonChars);
      }),
      { numRuns: 300 },
    );
  });

  it('stays bounded on values that refer to themselves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), limits, (width, lim) => {
        const loop: Record<string, unknown> = {};
        for (let i = 0; i < width; i++) loop[`k${i}`] = loop;
        const { result, ms } = timed(() => boundJson(loop, lim));
        assert.ok(ms < TIME_BUDGET_MS, `took ${ms.toFixed(1)} ms`);
        assert.ok(JSON.stringify(result.value).length <= lim.maxJsonChars);
      }),
      { numRuns: 300 },
    );
  });
});
