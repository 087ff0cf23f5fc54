import { jsonText } from './jsonText';
import { getOwn, hasOwn, isPlainObject, setOwn } from './ownProps';

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

/** One enum choice: the value, its compact JSON (the select's value) and a label (strings as themselves). */
export interface EnumOption {
  value: unknown;
  json: string;
  text: string;
}

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: EnumOption[];
  defaultValue?: unknown;
}

export interface SchemaForm {
  fields: FormField[];
  /** What the form leaves to the JSON box, and why. */
  notes: string[];
}

/** Deeper than this, a schema's nested parts are edited as JSON only. */
export const MAX_FORM_DEPTH = 16;
const MAX_FIELDS = 200;
const MAX_OPTIONS = 500;
const MAX_OPTION_TEXT = 120;
const MAX_DEFAULT_CHARS = 256 * 1024;

/**
 * One form field per top-level property of a tool's input schema; anything nested gets a JSON
 * editor. Reads own properties only and never recurses into the schema, so `__proto__`, `toString`
 * or 5,000 levels of nesting are just data.
 */
export function schemaForm(schema: unknown): SchemaForm {
  const notes: string[] = [];
  const properties = getOwn(schema, 'properties');
  if (!isPlainObject(properties)) return { fields: [], notes };
  if (deeperThan(schema, MAX_FORM_DEPTH))
    notes.push(`This schema is nested deeper than ${MAX_FORM_DEPTH} levels: edit its nested parts in the JSON box below.`);
  const requiredList = getOwn(schema, 'required');
  const required = new Set(Array.isArray(requiredList) ? requiredList.filter((r): r is string => typeof r === 'string') : []);
  const names = Object.keys(properties);
  if (names.length > MAX_FIELDS) notes.push(`Only the first ${MAX_FIELDS} of ${names.length} properties have form fields: set the others in the JSON box.`);
  const fields = names.slice(0, MAX_FIELDS).map((name) => field(name, properties[name], required.has(name), notes));
  return { fields, notes };
}

export function formFieldsFromSchema(schema: unknown): FormField[] {
  return schemaForm(schema).fields;
}

function field(name: string, raw: unknown, required: boolean, notes: string[]): FormField {
  const prop = isPlainObject(raw) ? raw : {};
  const typeValue = getOwn(prop, 'type');
  const type = Array.isArray(typeValue) ? typeValue.find((t) => t !== 'null') : typeValue;
  const enumValues = getOwn(prop, 'enum');
  const kind: FieldKind = Array.isArray(enumValues)
    ? 'enum'
    : type === 'string' || type === 'number' || type === 'integer' || type === 'boolean'
      ? type
      : 'json';
  const description = getOwn(prop, 'description');
  const result: FormField = { name, kind, required, ...(typeof description === 'string' ? { description } : {}) };
  if (Array.isArray(enumValues)) {
    if (enumValues.length > MAX_OPTIONS) notes.push(`${name}: only the first ${MAX_OPTIONS} of ${enumValues.length} allowed values are listed.`);
    result.options = enumValues.slice(0, MAX_OPTIONS).map(enumOption);
  }
  if (hasOwn(prop, 'default')) {
    const value = prop.default;
    if (jsonText(value, { indent: 0, maxChars: MAX_DEFAULT_CHARS }).omittedChars > 0) notes.push(`${name}: the default is over 256 KB and was not filled in.`);
    else result.defaultValue = value;
  }
  return result;
}

function enumOption(value: unknown): EnumOption {
  const json = jsonText(value, { indent: 0 }).text;
  const label = typeof value === 'string' ? value : json;
  return { value, json, text: label.length > MAX_OPTION_TEXT ? `${label.slice(0, MAX_OPTION_TEXT)}…` : label };
}

/** Whether JSON nesting goes past `limit` levels, found without recursion and stopping there. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Starting arguments: schema defaults only, so nothing is sent that the user did not see. */
export function initialArguments(schema: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const f of formFieldsFromSchema(schema)) if (f.defaultValue !== undefined) setOwn(args, f.name, f.defaultValue);
  return args;
}

/** Arguments as the JSON box shows them: indented, except deep parts written compactly (pretty-printing them grows quadratically). */
export function argumentsText(args: Record<string, unknown>): string {
  return jsonText(args, { indent: 2, maxIndentDepth: MAX_FORM_DEPTH }).text;
}

/** The argument `name`, if the arguments have it as their own. */
export function argumentValue(args: Record<string, unknown> | undefined, name: string): unknown {
  return getOwn(args, name);
}

/** A copy with `name` set (as an own property, even for `__proto__`), or removed when value is undefined. */
export function withArgument(args: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(args)) if (key !== name) setOwn(next, key, args[key]);
  if (value !== undefined) setOwn(next, name, value);
  return next;
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
      const option = field.options?.find((o) => o.json === text) ?? field.options?.find((o) => o.text === text);
      return option === undefined ? { ok: false, error: `${field.name} must be one of the listed values` } : { ok: true, value: option.value };
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
    if (!isPlainObject(value)) return { ok: false, error: 'Arguments must be a JSON object, like {"a": 2}.' };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: `Arguments are not valid JSON: ${(error as Error).message}` };
  }
}
