import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

export type JsonSchema = Record<string, unknown>;

/**
 * A small JSON Schema checker for tool arguments and `structuredContent`. The SDK's default (Ajv)
 * compiles schemas with `new Function`, which an extension page's CSP forbids; this one interprets
 * the keywords tools actually use (type, properties, required, additionalProperties, items, enum,
 * const, min/max, lengths, anyOf/oneOf/allOf). Unknown keywords pass: it never rejects what it cannot judge.
 */
export function validateJsonSchema(value: unknown, schema: unknown, path = '$'): string[] {
  if (schema === true || schema === undefined || schema === null) return [];
  if (schema === false) return [`${path} is not allowed`];
  if (typeof schema !== 'object') return [];
  const s = schema as JsonSchema;
  const errors: string[] = [];

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${path} should be ${types.join(' or ')}, not ${typeName(value)}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value)))
    errors.push(`${path} should be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if ('const' in s && !deepEqual(s.const, value)) errors.push(`${path} should be ${JSON.stringify(s.const)}`);

  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path} should be ≥ ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path} should be ≤ ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) errors.push(`${path} should be > ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) errors.push(`${path} should be < ${s.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) errors.push(`${path} should have at least ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) errors.push(`${path} should have at most ${s.maxLength} characters`);
    if (typeof s.pattern === 'string' && !safeRegExp(s.pattern)?.test(value)) errors.push(`${path} should match ${s.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path} should have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path} should have at most ${s.maxItems} items`);
    if (s.items && typeof s.items === 'object' && !Array.isArray(s.items))
      value.forEach((item, i) => errors.push(...validateJsonSchema(item, s.items, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    const properties = (isObject(s.properties) ? s.properties : {}) as Record<string, unknown>;
    for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
      if (!(name in value)) errors.push(`${path}.${name} is required`);
    }
    for (const [name, v] of Object.entries(value)) {
      if (name in properties) errors.push(...validateJsonSchema(v, properties[name], `${path}.${name}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${name} is not an allowed property`);
      else if (isObject(s.additionalProperties)) errors.push(...validateJsonSchema(v, s.additionalProperties, `${path}.${name}`));
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...validateJsonSchema(value, sub, path));
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => validateJsonSchema(value, sub, path).length === 0))
    errors.push(`${path} matches none of the allowed shapes`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => validateJsonSchema(value, sub, path).length === 0).length !== 1)
    errors.push(`${path} should match exactly one allowed shape`);
  return errors;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** Plugs the checker into the SDK Client (it validates `structuredContent` against `outputSchema`). */
export class SchemaValidatorProvider implements jsonSchemaValidator {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return (input: unknown) => {
      const errors = validateJsonSchema(input, schema);
      return errors.length === 0
        ? { valid: true, data: input as T, errorMessage: undefined }
        : { valid: false, data: undefined, errorMessage: errors.join('; ') };
    };
  }
}
