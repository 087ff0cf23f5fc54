/**
 * Text of untrusted data for the panel, bounded: a server can send megabytes, or JSON nested so deep
 * that JSON.stringify overflows the stack and pretty-printing it grows quadratically.
 */

export interface JsonTextOptions {
  /** Spaces per level; 0 writes compact JSON. */
  indent?: number;
  /** Levels deeper than this are written compactly, so deep nesting costs no indentation. */
  maxIndentDepth?: number;
  /** Stop writing after this many characters (the rest is only counted, up to a point). */
  maxChars?: number;
}

/** Values visited past maxChars just to count the rest: a server's 6 MB of million-deep nesting took seconds to count. */
const COUNT_STEPS_PAST_LIMIT = 100_000;

export interface BoundedText {
  text: string;
  /** Characters left out (estimated for long strings past the limit). */
  omittedChars: number;
  /** Counting stopped early: more than omittedChars were left out. */
  uncounted?: true;
}

type Frame =
  { array: true; items: unknown[]; i: number; depth: number } | { array: false; obj: Record<string, unknown>; keys: string[]; i: number; depth: number };

/** JSON text, written iteratively: any depth, any size, never throws for data parsed from JSON. */
export function jsonText(value: unknown, { indent = 2, maxIndentDepth = 16, maxChars = Number.POSITIVE_INFINITY }: JsonTextOptions = {}): BoundedText {
  const out: string[] = [];
  let written = 0;
  let omitted = 0;
  const emit = (s: string) => {
    if (written >= maxChars) return void (omitted += s.length);
    const room = maxChars - written;
    if (s.length <= room) {
      out.push(s);
      written += s.length;
    } else {
      out.push(s.slice(0, room));
      written = maxChars;
      omitted += s.length - room;
    }
  };
  const stringText = (s: string) => {
    // Past the limit only the length matters: skip escaping a possibly huge string.
    if (written >= maxChars) omitted += s.length + 2;
    else emit(JSON.stringify(s));
  };
  const pretty = (depth: number) => indent > 0 && depth < maxIndentDepth;
  const newline = (depth: number) => `\n${' '.repeat(indent * depth)}`;
  const onStack = new Set<object>();
  const stack: Frame[] = [];

  const open = (v: unknown, depth: number) => {
    if (v === null || typeof v === 'boolean') return emit(String(v));
    if (typeof v === 'number') return emit(Number.isFinite(v) ? String(v) : 'null');
    if (typeof v === 'string') return stringText(v);
    if (typeof v === 'bigint') return emit(v.toString());
    if (typeof v !== 'object') return emit('null');
    if (onStack.has(v)) return stringText('[circular]');
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      onStack.add(v);
      stack.push({ array: true, items: v, i: 0, depth });
      return;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => {
      const t = typeof obj[k];
      return t !== 'undefined' && t !== 'function' && t !== 'symbol';
    });
    if (keys.length === 0) return emit('{}');
    emit('{');
    onStack.add(v);
    stack.push({ array: false, obj, keys, i: 0, depth });
  };

  open(value, 0);
  let stepsPastLimit = 0;
  while (stack.length > 0) {
    if (written >= maxChars && ++stepsPastLimit > COUNT_STEPS_PAST_LIMIT) return { text: out.join(''), omittedChars: omitted, uncounted: true };
    const frame = stack[stack.length - 1];
    const size = frame.array ? frame.items.length : frame.keys.length;
    const p = pretty(frame.depth);
    if (frame.i === size) {
      stack.pop();
      onStack.delete(frame.array ? frame.items : frame.obj);
      if (p) emit(newline(frame.depth));
      emit(frame.array ? ']' : '}');
      continue;
    }
    if (frame.i > 0) emit(',');
    if (p) emit(newline(frame.depth + 1));
    const index = frame.i++;
    if (frame.array) open(frame.items[index], frame.depth + 1);
    else {
      const key = frame.keys[index];
      stringText(key);
      emit(p ? ': ' : ':');
      open(frame.obj[key], frame.depth + 1);
    }
  }
  return { text: out.join(''), omittedChars: omitted };
}

/** The first `maxChars` characters of a text, and how many were left out. */
export function capText(text: string, maxChars: number): BoundedText {
  return text.length <= maxChars ? { text, omittedChars: 0 } : { text: text.slice(0, maxChars), omittedChars: text.length - maxChars };
}

/** "… 12 KB more" (or "… over 12 KB more" when counting stopped): what a capped text says about the rest. */
export function moreText(omittedChars: number, uncounted?: boolean): string {
  const kb = Math.max(1, Math.round(omittedChars / 1024));
  return `… ${uncounted ? 'over ' : ''}${kb.toLocaleString('en-US')} KB more`;
}
