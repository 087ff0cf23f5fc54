import { Validator, format as knownFormats, type OutputUnit, type SchemaDraft } from '@cfworker/json-schema';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import type { JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { capText } from './jsonText';
import { isPlainObject } from './ownProps';

export type JsonSchema = Record<string, unknown>;

export interface SchemaCheckResult {
  /** What is wrong with the value, one readable sentence each (at most MAX_ERRORS, then "and N more"). */
  errors: string[];
  /** Set when the check, or part of it, did not run: why, in words for the panel. */
  unchecked?: string;
}

export interface CheckOptions {
  /** Names the value in messages: "arguments.city is required". */
  label?: string;
  /** Leave out `pattern`, `patternProperties` and `format` (the regex keywords): for a thread that must not hang. */
  skipPatterns?: boolean;
  /** Overrides the draft read from `$schema`. */
  draft?: SchemaDraft;
}

const MAX_ERRORS = 20;
const FULL_REPORT_NODES = 10_000;
/** Nesting of the schema (JSON levels) beyond which it is not checked: the checker recurses per level. */
export const MAX_SCHEMA_DEPTH = 500;
export const PATTERNS_SKIPPED = 'Pattern not checked: patterns (and formats) of this schema were left out of the check.';

/** MCP tool schemas are 2020-12 unless `$schema` names another draft. */
export function schemaDraft(schema: unknown): SchemaDraft {
  const id = isPlainObject(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/draft-0?4\b/.test(id)) return '4';
  // Draft-06 only lacks what draft-07 added (if/then/else), so draft-07 rules fit it.
  if (/draft-0?[67]\b/.test(id)) return '7';
  if (/2019-09/.test(id)) return '2019-09';
  return '2020-12';
}

/**
 * Checks a value against a server's JSON Schema with @cfworker/json-schema (no eval: the extension
 * CSP forbids Ajv's code generation). Never throws: a schema it cannot use is reported as unchecked.
 * Server regexes run here: call it in the time-limited worker (schemaChecker.ts), or with skipPatterns.
 */
export function checkJsonSchema(value: unknown, schema: unknown, options: CheckOptions = {}): SchemaCheckResult {
  const label = options.label ?? '$';
  if (schema === true || schema === undefined) return { errors: [] };
  if (schema === false) return { errors: [`${label} is not allowed (the schema is false)`] };
  if (!isPlainObject(schema)) return { errors: [], unchecked: 'The schema could not be checked: it is not a JSON Schema object.' };
  const draft = options.draft ?? schemaDraft(schema);
  const prepared = prepareSchema(schema, draft, options.skipPatterns === true);
  if (prepared.tooDeep) return { errors: [], unchecked: `The schema could not be checked: it is nested deeper than ${MAX_SCHEMA_DEPTH} levels.` };
  const note = options.skipPatterns && prepared.removedPatterns ? { unchecked: PATTERNS_SKIPPED } : {};
  try {
    // Every error of a small value; for a large one the first is enough (listing all can take seconds).
    const nodes = nodeCount(value, FULL_REPORT_NODES + 1);
    const listAll = nodes <= FULL_REPORT_NODES;
    const run = (shortCircuit: boolean) => {
      const validator = new Validator(prepared.schema as never, draft, shortCircuit);
      // `lookup` is where the checker resolves every $ref (a plain field, typed private).
      const resolver = validator as unknown as { lookup: object };
      resolver.lookup = countedLookup(resolver.lookup, REF_BUDGET_BASE + REF_BUDGET_PER_NODE * nodes);
      return validator.validate(value).errors;
    };
    let units: OutputUnit[];
    try {
      units = run(!listAll);
    } catch (error) {
      if (!(error instanceof RangeError) || !listAll) throw error;
      units = run(true);
    }
    return { errors: readableErrors(units, label), ...note };
  } catch (error) {
    const why = error instanceof RangeError ? 'the value or schema is nested too deeply' : firstLine(error);
    return { errors: [], unchecked: `The schema could not be checked: ${why}.` };
  }
}

/** The problems only; checkJsonSchema also says what could not be checked. */
export function validateJsonSchema(value: unknown, schema: unknown, label = '$'): string[] {
  return checkJsonSchema(value, schema, { label }).errors;
}

/** How many arrays, objects and scalars the value holds, counted without recursion up to `cap`. */
function nodeCount(value: unknown, cap: number): number {
  const stack = [value];
  let count = 0;
  while (stack.length > 0 && count < cap) {
    count++;
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v.slice(0, cap));
    else if (isPlainObject(v)) for (const k of Object.keys(v)) stack.push(v[k]);
  }
  return count;
}

// A $ref back to itself on the same value ("$ref": "#" inside anyOf) recurses without end; each
// node of a value needs only a few references resolved, so far more than that means a loop.
const REF_BUDGET_BASE = 100;
const REF_BUDGET_PER_NODE = 20;

class EndlessReferences extends Error {}

function countedLookup<T extends object>(lookup: T, budget: number): T {
  let used = 0;
  return new Proxy(lookup, {
    get(target, key, receiver) {
      if (++used > budget) throw new EndlessReferences('the schema refers to itself without end');
      return Reflect.get(target, key, receiver);
    },
  });
}

// Keyword positions that hold schemas (as @cfworker/json-schema walks them); everything else is data.
const SCHEMA_KEYWORDS = new Set([
  'additionalItems',
  'unevaluatedItems',
  'items',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]);
const SCHEMA_ARRAY_KEYWORDS = new Set(['prefixItems', 'items', 'allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAP_KEYWORDS = new Set(['$defs', 'definitions', 'properties', 'patternProperties', 'dependentSchemas', 'dependencies']);

interface Prepared {
  schema: unknown;
  tooDeep: boolean;
  removedPatterns: boolean;
}

type Task = { source: unknown; assign: (copy: unknown) => void; depth: number; isSchema: boolean };

/**
 * A private copy of the schema for the checker (which annotates what it is given): own keys only, in
 * objects without a prototype, so `__proto__` is a key like any other. Written without recursion, so
 * any depth is safe to measure. It also drops `format` where it is only an annotation (2019-09 and
 * later) or unknown, and with skipPatterns the regex keywords — plus additionalProperties and
 * unevaluatedProperties, which depend on what those patterns match (so nothing is wrongly rejected).
 */
function prepareSchema(schema: JsonSchema, draft: SchemaDraft, skipPatterns: boolean): Prepared {
  let root: unknown;
  let tooDeep = false;
  let removedPatterns = false;
  const assertsFormat = draft === '4' || draft === '7';
  const stack: Task[] = [{ source: schema, assign: (c) => (root = c), depth: 1, isSchema: true }];
  while (stack.length > 0 && !tooDeep) {
    const { source, assign, depth, isSchema } = stack.pop()!;
    if (depth > MAX_SCHEMA_DEPTH) {
      tooDeep = true;
      break;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      assign(copy);
      source.forEach((item, i) => stack.push({ source: item, assign: (c) => (copy[i] = c), depth: depth + 1, isSchema }));
      continue;
    }
    if (!isPlainObject(source)) {
      assign(source);
      continue;
    }
    const copy: Record<string, unknown> = Object.create(null);
    assign(copy);
    const keys = Object.keys(source);
    const dropsAdditional = isSchema && skipPatterns && keys.includes('patternProperties');
    for (const key of keys) {
      const v = source[key];
      if (isSchema) {
        if (key === 'format' && (skipPatterns || !assertsFormat || typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(knownFormats, v))) {
          if (skipPatterns) removedPatterns = true;
          continue;
        }
        if (skipPatterns && (key === 'pattern' || key === 'patternProperties')) {
          removedPatterns = true;
          continue;
        }
        if (dropsAdditional && (key === 'additionalProperties' || key === 'unevaluatedProperties')) continue;
        if (skipPatterns && key === 'unevaluatedProperties') continue;
      }
      // Only keyword positions hold schemas; `properties` maps names to schemas; `enum`, `const`, `default` … are data.
      const childIsSchema = isSchema && (SCHEMA_KEYWORDS.has(key) || SCHEMA_ARRAY_KEYWORDS.has(key));
      if (isSchema && SCHEMA_MAP_KEYWORDS.has(key) && isPlainObject(v)) {
        const map: Record<string, unknown> = Object.create(null);
        copy[key] = map;
        for (const name of Object.keys(v)) {
          map[name] = undefined; // keeps the key order (the copies arrive in reverse)
          stack.push({ source: v[name], assign: (c) => (map[name] = c), depth: depth + 2, isSchema: true });
        }
      } else {
        copy[key] = undefined; // keeps the key order: keywords are checked in the order the schema gives
        stack.push({ source: v, assign: (c) => (copy[key] = c), depth: depth + 1, isSchema: childIsSchema });
      }
    }
  }
  return { schema: root, tooDeep, removedPatterns };
}

// Errors that only say "something below failed": shown only when nothing below says what.
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'dependentSchemas',
  'dependencies',
  'propertyNames',
  'if',
]);
// Errors whose sub-errors (one per alternative tried) would only confuse.
const SUMMARIES = new Set(['anyOf', 'oneOf', 'not', 'contains']);

/** The checker's output units (parents before children) as short sentences about the value. */
function readableErrors(units: OutputUnit[], label: string): string[] {
  const out: string[] = [];
  let hiddenUnder: string | undefined;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (hiddenUnder !== undefined && unit.keywordLocation.startsWith(hiddenUnder)) continue;
    hiddenUnder = undefined;
    const next = units[i + 1];
    const path = pathText(label, unit.instanceLocation);
    if (WRAPPERS.has(unit.keyword)) {
      const hasDetail = next !== undefined && (next.keywordLocation.startsWith(`${unit.keywordLocation}/`) || next.keyword === 'false');
      if (unit.keyword === 'additionalProperties' || unit.keyword === 'unevaluatedProperties') {
        if (next?.keyword === 'false') {
          out.push(`${pathText(label, next.instanceLocation)} is not an allowed property`);
          i++;
          continue;
        }
      }
      if (hasDetail) continue;
    }
    if (SUMMARIES.has(unit.keyword)) hiddenUnder = `${unit.keywordLocation}/`;
    out.push(sentence(unit, path));
  }
  const unique = [...new Set(out)];
  return unique.length > MAX_ERRORS ? [...unique.slice(0, MAX_ERRORS), `… and ${unique.length - MAX_ERRORS} more problems`] : unique;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function sentence(unit: OutputUnit, path: string): string {
  switch (unit.keyword) {
    case 'required': {
      const name = /required property "(.*)"\.$/s.exec(unit.error)?.[1];
      return name === undefined ? `${path}: ${short(unit.error)}` : `${memberPath(path, name)} is required`;
    }
    case 'type': {
      const m = /^Instance type "(\w+)" is invalid\. Expected "(.*)"\.$/s.exec(unit.error);
      return m ? `${path} should be ${m[2].split('", "').join(' or ')}, not ${ARTICLE[m[1]] ?? m[1]}` : `${path}: ${short(unit.error)}`;
    }
    case 'enum': {
      const m = /^Instance does not match any of (.*)\.$/s.exec(unit.error);
      return m ? `${path} should be one of ${short(m[1].replace(/^\[|\]$/g, '').replace(/","/g, '", "'))}` : `${path}: ${short(unit.error)}`;
    }
    case 'const': {
      const m = /^Instance does not match (.*)\.$/s.exec(unit.error);
      return m ? `${path} should be ${short(m[1])}` : `${path}: ${short(unit.error)}`;
    }
    case 'false':
      return `${path} is not allowed`;
    case 'anyOf':
      return `${path} matches none of the allowed shapes`;
    case 'oneOf':
      return `${path} should match exactly one allowed shape`;
    case 'not':
      return `${path} matches a shape it must not`;
    case 'pattern':
      return `${path} does not match the pattern`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = / than (?:or equal to )?\s*(\S+)\.$/.exec(unit.error)?.[1];
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[unit.keyword];
      return limit === undefined ? `${path}: ${short(unit.error)}` : `${path} should be ${op} ${limit}`;
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems': {
      const limit = /\(\d+ [<>] (\d+)\)\.$/.exec(unit.error)?.[1];
      const what = unit.keyword.endsWith('Length') ? 'characters' : 'items';
      return limit === undefined
        ? `${path}: ${short(unit.error)}`
        : `${path} should have ${unit.keyword.startsWith('min') ? 'at least' : 'at most'} ${limit} ${what}`;
    }
    default:
      return `${path}: ${short(unit.error)}`;
  }
}

/** "#/a/0/b c" → "arguments.a[0]["b c"]". */
function pathText(label: string, pointer: string): string {
  let path = label;
  if (pointer === '#' || pointer === '') return path;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    path = /^\d+$/.test(part) ? `${path}[${part}]` : memberPath(path, part);
  }
  return path;
}

function memberPath(path: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${short(JSON.stringify(name))}]`;
}

function short(text: string): string {
  const capped = capText(text, 200);
  return capped.omittedChars > 0 ? `${capped.text}…` : capped.text;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return short(message.split('\n')[0].replace(/\.$/, ''));
}

/**
 * The validator the SDK Client holds (it compiles a tool's outputSchema when tools are listed): the
 * SDK's own eval-free provider, made lazy and unable to throw, so a schema it cannot use never fails
 * the listing. It leaves out the regex keywords: anything the SDK runs is on the panel's thread. The
 * panel itself checks tool output in the time-limited worker instead.
 */
export class PanelJsonSchemaValidator extends CfWorkerJsonSchemaValidator {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return (input: unknown) => {
      const result = checkJsonSchema(input, schema, { skipPatterns: true });
      return result.errors.length === 0
        ? { valid: true, data: input as T, errorMessage: undefined }
        : { valid: false, data: undefined, errorMessage: result.errors.join('; ') };
    };
  }
}
