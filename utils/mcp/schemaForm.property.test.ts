import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from './jsonText';
import { withinBudget } from './propertyTiming.test-helper';
import { argumentValue, argumentsText, initialArguments, parseArgumentsText, parseFieldInput, schemaForm, withArgument } from './schemaForm';

const HOSTILE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'properties', 'default', 'enum'];
const name = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_NAMES));
// JSON as a server sends it: parsed from text, so a key named __proto__ is an own key.
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const withProtoKeys = fc.dictionary(name, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map(
  (d) =>
    JSON.parse(
      `{${Object.entries(d)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(',')}}`,
    ) as unknown,
);
const deep = fc
  .integer({ min: 0, max: 3000 })
  .map((levels) => JSON.parse(`${'{"type":"object","properties":{"x":'.repeat(levels)}{}${'}}'.repeat(levels)}`) as unknown);
const propertySchema = fc.oneof(
  json,
  withProtoKeys,
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', ['null', 'string']), default: json }, { requiredKeys: ['type'] }),
  fc.record({ enum: fc.array(fc.oneof(json, withProtoKeys, fc.constant(JSON.parse('{"toString":1}'))), { maxLength: 6 }) }),
);
const schema = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('object'),
      properties: fc.dictionary(name, propertySchema, { maxKeys: 6 }),
      required: fc.array(fc.oneof(name, json), { maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: json },
  { weight: 2, arbitrary: withProtoKeys.map((p) => ({ type: 'object', properties: p })) },
  { weight: 1, arbitrary: deep },
);

/** Compact JSON text, the same for equal data whatever the prototype of its objects. */
const canonical = (v: unknown) => jsonText(v, { indent: 0 }).text;

describe('schema forms, property-based', () => {
  it('any schema gives a form and starting arguments quickly, and the arguments text reads back to the same arguments', () => {
    fc.assert(
      fc.property(schema, (s) => {
        const form = withinBudget(() => schemaForm(s));
        const args = withinBudget(() => initialArguments(s));
        const text = withinBudget(() => argumentsText(args));
        const back = parseArgumentsText(text);
        if (!back.ok || canonical(back.value) !== canonical(args)) expect.fail(`arguments text did not read back: ${text.slice(0, 200)}`);
        for (const field of form.fields) {
          if (canonical(argumentValue(args, field.name)) !== canonical(field.defaultValue)) expect.fail(`default of ${field.name} lost`);
          for (const option of field.options ?? []) {
            const chosen = parseFieldInput(field, option.json);
            if (!chosen.ok || canonical(chosen.value) !== option.json) expect.fail(`enum option ${option.json} does not round-trip`);
          }
        }
        if (({} as Record<string, unknown>).polluted !== undefined) expect.fail('Object.prototype was changed');
      }),
      { numRuns: 15_000 },
    );
  }, 60_000);

  it('setting any argument, __proto__ included, stores it as an own property and leaves the others', () => {
    fc.assert(
      fc.property(withProtoKeys, name, json, (start, key, value) => {
        const args = start as Record<string, unknown>;
        const next = withinBudget(() => withArgument(args, key, value));
        if (value !== null && Object.getPrototypeOf(next) !== Object.prototype) expect.fail('prototype changed');
        expect(canonical(argumentValue(next, key))).toBe(canonical(value));
        for (const other of Object.keys(args)) if (other !== key) expect(canonical(argumentValue(next, other))).toBe(canonical(args[other]));
        expect(argumentValue(withArgument(next, key, undefined), key)).toBeUndefined();
      }),
      { numRuns: 8_000 },
    );
  }, 60_000);
});
