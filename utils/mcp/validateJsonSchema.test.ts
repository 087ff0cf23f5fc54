import { describe, expect, it } from 'vitest';
import { checkJsonSchema, schemaDraft, validateJsonSchema } from './validateJsonSchema';

// What a person checking arguments or structuredContent would notice: wrong verdicts.
describe('validateJsonSchema gives the right verdict', () => {
  it('"required" means an own property: {} lacks toString, constructor and __proto__', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(validateJsonSchema({}, { type: 'object', required: [name] }), name).toEqual([`$.${name} is required`]);
    expect(validateJsonSchema(JSON.parse('{"__proto__": 1}'), { required: ['__proto__'] })).toEqual([]);
  });

  it('const and enum compare objects whatever their key order', () => {
    expect(validateJsonSchema({ b: 2, a: 1 }, { const: { a: 1, b: 2 } })).toEqual([]);
    expect(validateJsonSchema({ b: 2, a: 1 }, { enum: [{ a: 1, b: 2 }] })).toEqual([]);
    expect(validateJsonSchema({ a: 1 }, { const: { a: 1, b: 2 } })).not.toEqual([]);
  });

  it('items: false allows only an empty array', () => {
    expect(validateJsonSchema([], { items: false })).toEqual([]);
    expect(validateJsonSchema([1], { items: false })).not.toEqual([]);
  });

  it('a property named properties, or a schema keyword as a property name, is plain data', () => {
    const schema = { type: 'object', properties: { properties: { type: 'string' }, __proto__: { type: 'number' } } };
    expect(validateJsonSchema({ properties: 'x' }, schema)).toEqual([]);
    expect(validateJsonSchema(JSON.parse('{"__proto__": "not a number"}'), JSON.parse('{"properties": {"__proto__": {"type": "number"}}}'))).not.toEqual([]);
  });

  it('does not throw on a very large error list, and reports a bounded one', () => {
    const value = Array.from({ length: 200_000 }, (_, i) => i);
    const errors = validateJsonSchema(value, { items: { type: 'string' } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(21);
  });

  it('reads the draft from $schema: 2020-12 by default, draft-07 when it says so', () => {
    expect(schemaDraft({})).toBe('2020-12');
    expect(schemaDraft({ $schema: 'http://json-schema.org/draft-07/schema#' })).toBe('7');
    expect(schemaDraft({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe('2020-12');
    // In draft-07, items as an array is a tuple and additionalItems limits the rest; 2020-12 spells it prefixItems.
    const tuple = { items: [{ type: 'string' }], additionalItems: false };
    expect(validateJsonSchema(['a', 1], { $schema: 'http://json-schema.org/draft-07/schema#', ...tuple })).not.toEqual([]);
    expect(validateJsonSchema(['a', 1], { prefixItems: [{ type: 'string' }], items: false })).not.toEqual([]);
  });

  it('says plainly when a schema cannot be used, instead of throwing or passing silently', () => {
    const result = checkJsonSchema({}, { $ref: 'https://elsewhere.example/schema.json' });
    expect(result.errors).toEqual([]);
    expect(result.unchecked).toMatch(/could not be checked/i);
    expect(checkJsonSchema('x', { required: 5, enum: 'nope' } as never).unchecked ?? '').not.toMatch(/undefined/);
  });

  it('keeps the messages people act on', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'], additionalProperties: false };
    expect(validateJsonSchema({ a: '2', c: 1 }, schema, 'arguments')).toEqual([
      'arguments.b is required',
      'arguments.a should be number, not a string',
      'arguments.c is not an allowed property',
    ]);
    expect(validateJsonSchema('kelvin', { enum: ['metric', 'imperial'] }, 'arguments.units')).toEqual([
      'arguments.units should be one of "metric", "imperial"',
    ]);
  });
});
