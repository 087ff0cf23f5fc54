/**
 * Bounds JSON that came from untrusted input (token claims, headers) so that it stays cheap to
 * clone, post between DevTools pages and render: browsers throw a RangeError when they clone or
 * serialize a value nested a few thousand levels deep, and a 10 KB token can nest that deep.
 */
export interface JsonLimits {
  /** Arrays and objects nested deeper than this are replaced by TOO_DEEP. */
  maxDepth: number;
  /** Keys of one object, or items of one array, that are kept; the rest is replaced by one TRUNCATED marker. */
  maxEntries: number;
  /** Upper bound on the length of the result's JSON text, markers included (at least 64). */
  maxJsonChars: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxEntries: 1000, maxJsonChars: 64 * 1024 };

export const TOO_DEEP = '[nested too deep]';
export const TRUNCATED = '[truncated]';

export interface BoundedJson {
  /** A JSON value: plain objects, arrays, strings, finite numbers, booleans and null. */
  value: unknown;
  /** How many arrays or objects were replaced by TOO_DEEP. */
  tooDeep: number;
  /** How many values (strings that did not fit, or the rest of an array or object) were replaced by TRUNCATED. */
  truncated: number;
}

interface Frame {
  source: object;
  /** Keys of an object; undefined for an array. */
  keys: string[] | undefined;
  length: number;
  next: number;
  out: unknown[] | Record<string, unknown>;
  depth: number;
}

// The longest marker a cut container can get: `,"[truncated]":"[truncated]"`. Every open container
// keeps this much of the budget aside, so cutting it never breaks the size bound.
const MARKER_RESERVE = 2 * JSON.stringify(TRUNCATED).length + 2;

/**
 * A copy of `value` as JSON.parse(JSON.stringify(value)) would give it, within `limits`: what
 * does not fit is replaced by a marker. Walks iteratively, so no input can exhaust the stack, and
 * reads at most `maxEntries` members of any container, so time stays linear in the input.
 * Keys are defined as own properties, so a "__proto__" key stays data and never becomes a prototype.
 */
export function boundJson(value: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): BoundedJson {
  const result: BoundedJson = { value: null, tooDeep: 0, truncated: 0 };
  let remaining = Math.max(limits.maxJsonChars, 64);
  const stack: Frame[] = [];

  const open = (source: object, depth: number): Frame => {
    const isArray = Array.isArray(source);
    const keys = isArray ? undefined : Object.keys(source);
    const length = isArray ? (source as unknown[]).length : keys!.length;
    return { source, keys, length, next: 0, out: isArray ? [] : {}, depth };
  };

  if (isContainer(value)) {
    if (limits.maxDepth < 1) {
      result.value = TOO_DEEP;
      result.tooDeep++;
      return result;
    }
    remaining -= 2 + MARKER_RESERVE;
    const frame = open(value, 1);
    result.value = frame.out;
    stack.push(frame);
  } else {
    const text = primitiveJson(value) ?? 'null';
    result.value = text.length <= remaining ? fromJsonPrimitive(value) : TRUNCATED;
    if (text.length > remaining) result.truncated++;
    return result;
  }

  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.length) {
      stack.pop();
      remaining += MARKER_RESERVE;
      continue;
    }
    if (frame.next >= limits.maxEntries) {
      cut(frame, result);
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const key = frame.keys ? frame.keys[index] : undefined;
    const child = key === undefined ? (frame.source as unknown[])[index] : (frame.source as Record<string, unknown>)[key];
    const text = primitiveJson(child);
    // Like JSON.stringify: members that are not JSON values vanish from objects and become null in arrays.
    if (text === undefined && !isContainer(child) && key !== undefined) continue;

    const prefix = 1 + (key === undefined ? 0 : JSON.stringify(key).length + 1);
    let placed: unknown;
    let cost: number;
    const opens = isContainer(child) && frame.depth + 1 <= limits.maxDepth;
    if (opens) {
      cost = prefix + 2 + MARKER_RESERVE;
    } else if (isContainer(child)) {
      placed = TOO_DEEP;
      cost = prefix + TOO_DEEP.length + 2;
      result.tooDeep++;
    } else {
      placed = text === undefined ? null : fromJsonPrimitive(child);
      cost = prefix + (text ?? 'null').length;
      if (cost > remaining && typeof child === 'string' && prefix + TRUNCATED.length + 2 <= remaining) {
        placed = TRUNCATED;
        cost = prefix + TRUNCATED.length + 2;
        result.truncated++;
      }
    }
    if (cost > remaining) {
      // Out of budget: this container ends here; its parent goes on with smaller siblings, if any fit.
      if (placed === TOO_DEEP) result.tooDeep--;
      cut(frame, result);
      stack.pop();
      continue;
    }
    remaining -= cost;
    if (opens) {
      const inner = open(child, frame.depth + 1);
      put(frame.out, key, inner.out);
      stack.push(inner);
    } else {
      put(frame.out, key, placed);
    }
  }
  return result;
}

/** Marks the members of `frame` from `frame.next` on as cut; paid for from the frame's reserve. */
function cut(frame: Frame, result: BoundedJson): void {
  result.truncated++;
  if (Array.isArray(frame.out)) frame.out.push(TRUNCATED);
  else put(frame.out, TRUNCATED, TRUNCATED);
}

function put(out: unknown[] | Record<string, unknown>, key: string | undefined, value: unknown): void {
  if (key === undefined) (out as unknown[]).push(value);
  else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** JSON text of a primitive (non-finite numbers become null, as in JSON); undefined for containers and non-JSON values. */
function primitiveJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

function fromJsonPrimitive(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  return value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? null : value;
}
