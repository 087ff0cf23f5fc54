// Shared by the property tests: generators of hostile input, and how their speed is measured.
import fc from 'fast-check';
import { base64url } from 'jose';

/** No input of up to 100 KB may take longer than this in any pure entry point. */
export const TIME_BUDGET_MS = 50;

/**
 * Milliseconds `fn` took. A run over budget is measured again, up to three runs, and the fastest
 * counts: on a busy machine the scheduler or a garbage collection can stall one run, while a slow
 * input is slow every time.
 */
export function timed<T>(fn: () => T): { result: T; ms: number } {
  let result!: T;
  let ms = Infinity;
  for (let attempt = 0; attempt < 3 && ms >= TIME_BUDGET_MS; attempt++) {
    const started = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - started);
  }
  return { result, ms };
}

/** Vitest's limit for one property: generous, because a shared machine can be slow; the runs themselves are measured one by one. */
export const PROPERTY_TIMEOUT_MS = 120_000;

/** Whether a value survives the trips the panel makes it take: structured cloning and JSON. */
export function cloneProblems(value: unknown): string[] {
  const problems: string[] = [];
  try {
    structuredClone(value);
  } catch (error) {
    problems.push(`structuredClone: ${(error as Error).message}`);
  }
  try {
    if (JSON.stringify(value) === undefined) problems.push('JSON.stringify gave undefined');
  } catch (error) {
    problems.push(`JSON.stringify: ${(error as Error).message}`);
  }
  return problems;
}

/** Nesting depth of a JSON-like value (a primitive is 0), without recursion. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Characters and words that mean something to the parsers under test. */
const SIGNIFICANT = [
  ...'.= \t\n\r"\':;,/\\%#?&[]{}<>-_+*@|`~!$()^0123456789',
  'A',
  'a',
  'z',
  'Z',
  '\u0000',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  'é',
  '🚀',
  'eyJ',
  'e30',
  'Bearer ',
  'bearer',
  'DPoP ',
  'Basic ',
  'export ',
  'token',
  'Token',
  'access_token',
  'Authorization',
  'Cookie',
  '-H ',
  'oauth:',
  'deleted',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
];

export const significantString = (maxLength: number) => fc.string({ unit: fc.constantFrom(...SIGNIFICANT), maxLength });

/** Short text of every kind: significant characters, any code point, ASCII with control characters. */
export const smallText = fc.oneof(significantString(40), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }));

/**
 * Text of 1 to 100 KB: a short fragment repeated, between a prefix and a suffix. Repetition is what
 * makes a backtracking regular expression or a recursive walk slow.
 */
export const bigText = fc
  .tuple(
    fc.oneof(significantString(6), fc.string({ unit: 'binary', maxLength: 6 })).filter((f) => f.length > 0),
    fc.integer({ min: 1_000, max: 100_000 }),
    smallText,
    smallText,
  )
  .map(([fragment, length, prefix, suffix]) => {
    const room = Math.max(0, length - prefix.length - suffix.length);
    return prefix + fragment.repeat(Math.ceil(room / fragment.length)).slice(0, room) + suffix;
  });

export const b64 = (text: string | Uint8Array) => base64url.encode(text);

/** JSON text nested `levels` deep, in arrays or objects. */
export function nestedJson(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(levels) + '0' + ']'.repeat(levels) : '{"a":'.repeat(levels) + '0' + '}'.repeat(levels);
}

/** JWT/JWE-shaped text: real JOSE headers and payloads of many kinds, sometimes damaged on the way. */
export function joseLike() {
  const header = fc.oneof(
    fc.constantFrom('{"alg":"HS256","typ":"JWT"}', '{"alg":"none"}', '{"alg":"RSA-OAEP","enc":"A256GCM"}', '{"typ":"JWT"}', '{"alg":7}', '[]', '"x"'),
    fc
      .record(
        { alg: fc.oneof(fc.constantFrom('RS256', 'none', ''), smallText), kid: smallText, jku: fc.constant('https://e.example/k') },
        { requiredKeys: ['alg'] },
      )
      .map((h) => JSON.stringify(h)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ alg: 'HS256', x: v })),
    fc
      .tuple(fc.integer({ min: 0, max: 4000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
      .map(([n, kind]) => `{"alg":"HS256","x":${nestedJson(n, kind)}}`),
  );
  const payload = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => b64(JSON.stringify(v))),
    fc
      .tuple(fc.integer({ min: 0, max: 6000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
      .map(([n, kind]) => b64(`{"d":${nestedJson(n, kind)}}`)),
    smallText.map((t) => b64(t)),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => b64(bytes)),
    smallText,
  );
  const segment = fc.oneof(
    fc.uint8Array({ maxLength: 40 }).map((bytes) => b64(bytes)),
    significantString(8),
    fc.constant(''),
  );
  const token = fc
    .tuple(header, payload, segment, fc.array(segment, { maxLength: 3 }), fc.boolean())
    .map(([h, p, s, extra, jwe]) => [b64(h), p, s, ...(jwe ? extra : [])].join('.'));
  // Damage: a character changed, or the text cut short, as careless copying does.
  return fc.oneof(
    { arbitrary: token, weight: 3 },
    fc.tuple(token, fc.nat(), fc.constantFrom(...SIGNIFICANT)).map(([t, at, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice((at % (t.length + 1)) + 1)),
    fc.tuple(token, fc.nat()).map(([t, at]) => t.slice(0, at % (t.length + 1))),
  );
}

/** Mostly small, sometimes big: big inputs are costly to run, so they are one run in forty. */
export const anyText = fc.oneof({ arbitrary: smallText, weight: 24 }, { arbitrary: joseLike(), weight: 15 }, { arbitrary: bigText, weight: 1 });
