import { describe, expect, it } from 'vitest';
import { deepSchemaJson } from '../../test-support/hostileMcpServer';
import { argumentsText, formFieldsFromSchema, initialArguments, parseFieldInput, schemaForm, withArgument } from './schemaForm';

const hostile = (json: string) => JSON.parse(json) as Record<string, unknown>;

describe('schema forms from hostile tool schemas', () => {
  it('renders enum options as JSON text, so an option like {"toString":1} is just text', () => {
    const schema = hostile('{"type":"object","properties":{"pick":{"enum":[{"toString":1},{"__proto__":{"x":1}},"plain",null]}}}');
    const [field] = formFieldsFromSchema(schema);
    expect(field.kind).toBe('enum');
    expect(field.options?.map((o) => o.text)).toEqual(['{"toString":1}', '{"__proto__":{"x":1}}', 'plain', 'null']);
    const parsed = parseFieldInput(field, field.options![0].json);
    expect(parsed).toEqual({ ok: true, value: { toString: 1 } });
  });

  it('falls back to the JSON box, with a note, for a schema nested 5,000 levels deep', () => {
    const schema = hostile(deepSchemaJson(5000));
    const form = schemaForm(schema);
    expect(form.fields.map((f) => [f.name, f.kind])).toEqual([['x', 'json']]);
    expect(form.notes.join(' ')).toMatch(/nested deeper than 16 levels/);
    expect(initialArguments(schema)).toEqual({});
  });

  it('keeps __proto__, constructor and toString as ordinary argument names', () => {
    const schema = hostile(
      '{"type":"object","properties":{"__proto__":{"type":"string","default":"p"},"constructor":{"type":"object","default":{"__proto__":{"polluted":true}}},"toString":{"type":"number"}},"required":["__proto__"]}',
    );
    expect(formFieldsFromSchema(schema).map((f) => [f.name, f.kind, f.required])).toEqual([
      ['__proto__', 'string', true],
      ['constructor', 'json', false],
      ['toString', 'number', false],
    ]);
    const args = initialArguments(schema);
    expect(Object.keys(args)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(JSON.parse(argumentsText(args))).toEqual(JSON.parse('{"__proto__":"p","constructor":{"__proto__":{"polluted":true}}}'));
    expect(argumentsText(args)).toContain('"__proto__": "p"');
    const next = withArgument(args, '__proto__', 'q');
    expect(Object.getOwnPropertyDescriptor(next, '__proto__')?.value).toBe('q');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads only own properties: a schema without "default" has no default, even for toString', () => {
    const schema = { type: 'object', properties: { toString: {}, valueOf: { type: 'string' } } };
    expect(initialArguments(schema)).toEqual({});
    expect(formFieldsFromSchema(schema).every((f) => f.defaultValue === undefined)).toBe(true);
  });

  it('writes a deeply nested default compactly instead of pretty-printing it quadratically', () => {
    const deepDefault = JSON.parse(`${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`);
    const text = argumentsText({ x: deepDefault });
    expect(text.length).toBeLessThan(20_000);
    expect(text).toContain('"a":{"a":');
  });
});
