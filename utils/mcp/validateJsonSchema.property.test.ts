import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinBudget } from './propertyTiming.test-helper';
import { checkJsonSchema } from './validateJsonSchema';

// JSON as a server sends it: parsed from text, so a key named __proto__ is an own key.
const fromText = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const json = fc.jsonValue({ maxDepth: 3 }).map(fromText);
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'properties', 'required', 'type'));
const object = fc.dictionary(key, json, { maxKeys: 5 }).map(
  (d) =>
    JSON.parse(
      `{${Object.entries(d)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(',')}}`,
    ) as Record<string, unknown>,
);

// Schemas made of real keywords (nested), mixed with arbitrary JSON where schemas go.
const schema = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    json,
    fc.boolean(),
    fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', 'null'),
          fc.array(fc.constantFrom('string', 'null', 'object')),
        ),
        properties: fc.dictionary(key, tie('schema'), { maxKeys: 3 }),
        required: fc.array(key, { maxLength: 3 }),
        additionalProperties: tie('schema'),
        items: tie('schema'),
        prefixItems: fc.array(tie('schema'), { maxLength: 2 }),
        enum: fc.array(json, { maxLength: 3 }),
        const: json,
        anyOf: fc.array(tie('schema'), { maxLength: 2 }),
        not: tie('schema'),
        minimum: fc.integer({ min: -5, max: 5 }),
        maxLength: fc.nat(5),
        uniqueItems: fc.boolean(),
        pattern: fc.constantFrom('^a', 'b+$', '[', '^(ab|c)*$'),
        format: fc.constantFrom('email', 'uri', 'date', '__proto__', 'toString'),
        $ref: fc.constantFrom('#', '#/properties/a', 'https://elsewhere.example/s.json'),
      },
      { requiredKeys: [] },
    ),
  ),
})).schema;

describe('checkJsonSchema, property-based', () => {
  it('never throws on any schema and value, answers within the time budget, in a bounded shape', () => {
    fc.assert(
      fc.property(schema, fc.oneof(json, object), fc.constantFrom('2020-12', '7') as fc.Arbitrary<'2020-12' | '7'>, (s, value, draft) => {
        const result = withinBudget(
          () => checkJsonSchema(value, s, { draft }),
          () => JSON.stringify(s).slice(0, 200),
        );
        if (!Array.isArray(result.errors) || result.errors.length > 21 || result.errors.some((e) => typeof e !== 'string' || e.length > 1000))
          expect.fail(`unbounded errors: ${JSON.stringify(result).slice(0, 300)}`);
        if (result.unchecked !== undefined && typeof result.unchecked !== 'string') expect.fail('unchecked must be text');
        if (({} as Record<string, unknown>).polluted !== undefined) expect.fail('Object.prototype was changed');
      }),
      { numRuns: 15_000 },
    );
  }, 60_000);

  it('a value matches const and enum of itself whatever the key order, and required lists of its own keys', () => {
    fc.assert(
      fc.property(object, fc.string({ maxLength: 6 }), (value, missing) => {
        const reordered = Object.fromEntries(Object.entries(value).reverse());
        expect(withinBudget(() => checkJsonSchema(value, { const: reordered })).errors).toEqual([]);
        expect(checkJsonSchema(value, { enum: [1, reordered] }).errors).toEqual([]);
        expect(checkJsonSchema(value, { type: 'object', required: Object.keys(value) })).toEqual({ errors: [] });
        if (!Object.keys(value).includes(missing)) expect(checkJsonSchema(value, { required: [missing] }).errors).toHaveLength(1);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
