import type { JsonSchema } from './validateJsonSchema';

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: unknown[];
  defaultValue?: unknown;
}

/** One form field per top-level property of a tool's input schema; anything nested gets a JSON editor. */
export function formFieldsFromSchema(schema: unknown): FormField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties).map(([name, raw]) => {
    const prop = (isObject(raw) ? raw : {}) as JsonSchema;
    const type = Array.isArray(prop.type) ? (prop.type as string[]).find((t) => t !== 'null') : (prop.type as string | undefined);
    const kind: FieldKind = Array.isArray(prop.enum)
      ? 'enum'
      : type === 'string' || type === 'number' || type === 'integer' || type === 'boolean'
        ? type
        : 'json';
    return {
      name,
      kind,
      required: required.has(name),
      ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
      ...(Array.isArray(prop.enum) ? { options: prop.enum } : {}),
      ...('default' in prop ? { defaultValue: prop.default } : {}),
    };
  });
}

/** Starting arguments: schema defaults only, so nothing is sent that the user did not see. */
export function initialArguments(schema: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const f of formFieldsFromSchema(schema)) if (f.defaultValue !== undefined) args[f.name] = f.defaultValue;
  return args;
}

/** Parses a form input's text into the value its field kind expects; undefined removes the argument. */
export function parseFieldInput(field: FormField, text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '' && field.kind !== 'string') return { ok: true, value: undefined };
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, error: `${field.name} must be a number` };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { ok: false, error: `${field.name} must be a whole number` };
      return { ok: true, value: n };
    }
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'enum': {
      const option = field.options?.find((o) => JSON.stringify(o) === text || String(o) === text);
      return option === undefined ? { ok: false, error: `${field.name} must be one of the listed values` } : { ok: true, value: option };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false, error: `${field.name} is not valid JSON` };
      }
    default:
      return { ok: true, value: text };
  }
}

/** Arguments text → object, or a readable error (the tool-args box is free text). */
export function parseArgumentsText(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { ok: false, error: 'Arguments must be a JSON object, like {"a": 2}.' };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: `Arguments are not valid JSON: ${(error as Error).message}` };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
