import { base64urlProblem, decodeBase64urlStrict, utf8OrUndefined } from './base64url';
import { boundJson, DEFAULT_JSON_LIMITS, TOO_DEEP, TRUNCATED, type BoundedJson } from './boundedJson';
import { timeClaimWarnings } from './timeClaims';

export type TokenKind = 'jwt' | 'jwe' | 'opaque' | 'malformed';

export type JwtPayload = { type: 'claims'; claims: Record<string, unknown> } | { type: 'text'; text: string } | { type: 'not-decoded'; reason: string };

export type DecodedToken =
  | { kind: 'jwt'; header: Record<string, unknown>; payload: JwtPayload; signed: boolean; warnings: string[] }
  | { kind: 'jwe'; header: Record<string, unknown>; warnings: string[] }
  | { kind: 'opaque'; length: number; shape: string; warnings: string[] }
  | { kind: 'malformed'; reason: string; warnings: string[] };

/** Tokens longer than this are listed with their header only: real ones are a few KB, and decoding costs time on every request. */
export const MAX_DECODED_TOKEN_CHARS = 16 * 1024;

/** Values pages send by mistake when their token variable is empty. */
const PLACEHOLDER_VALUES = new Set(['undefined', 'null', '[object object]', 'nan', 'true', 'false', '""', "''"]);

const JWE_PARTS = ['header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'];

/**
 * Decodes anything that arrived where a token was expected. Never throws: every failure becomes
 * a `malformed` result with a reason a person can act on. What it keeps is bounded (see
 * boundJson), so the result can always be cloned, posted to the panel and rendered.
 */
export function decodeToken(raw: string): DecodedToken {
  if (typeof raw !== 'string') return malformed('The token is not text.');
  const value = raw.trim();
  if (value === '') return malformed('The token is empty.');
  if (PLACEHOLDER_VALUES.has(value.toLowerCase())) {
    return malformed(`The value is the literal text "${value}": the page sent its token variable before it held a token.`);
  }
  if (/\s/.test(value)) return malformed('The token contains whitespace; tokens never do (was more than the token copied?).');

  const segments = value.split('.');
  const eyJ = segments[0].startsWith('eyJ') && segments.length > 1;
  if (!eyJ && segments.length !== 3 && segments.length !== 5) return decodeOpaque(value);
  if (segments[0].length > MAX_DECODED_TOKEN_CHARS) {
    return eyJ ? malformed(`The header (part 1) is ${tooLongToDecode(segments[0])}.`) : decodeOpaque(value);
  }
  const header = decodeHeader(segments[0]);
  // "eyJ" is base64url for '{"': every JOSE header starts with it. Other dotted values are JOSE
  // only when their first part really is a JSON object (e.g. `ya29.abc` is an opaque Google token).
  if (!eyJ && !header.ok && !header.isObject) return decodeOpaque(value);
  if (segments.length !== 3 && segments.length !== 5) {
    return malformed(`The token has ${segments.length} dot-separated parts; a signed JWT (JWS) has 3 and an encrypted one (JWE) has 5.`);
  }
  if (!header.ok) return malformed(header.reason);
  const tooLong = value.length > MAX_DECODED_TOKEN_CHARS ? `The token is ${tooLongToDecode(value)}; only its header is shown.` : undefined;
  return segments.length === 5 ? decodeJwe(segments, header, tooLong) : decodeJws(segments, header, tooLong);
}

function tooLongToDecode(text: string): string {
  return `too long to decode: ${Math.ceil(text.length / 1024)} KB (the limit is ${MAX_DECODED_TOKEN_CHARS / 1024} KB)`;
}

interface Header {
  ok: true;
  value: Record<string, unknown>;
  alg: string;
  warnings: string[];
}

function decodeHeader(segment: string): Header | { ok: false; reason: string; isObject: boolean } {
  const bytes = decodeBase64urlStrict(segment);
  if (!bytes.ok) return { ok: false, reason: `The header (part 1) ${bytes.reason}.`, isObject: false };
  const text = utf8OrUndefined(bytes.bytes);
  if (text === undefined) return { ok: false, reason: 'The header (part 1) is not valid UTF-8 text.', isObject: false };
  const parsed = parseJson(text);
  if (!isPlainObject(parsed)) return { ok: false, reason: 'The header (part 1) is not a JSON object.', isObject: false };
  const alg = ownString(parsed, 'alg');
  if (alg === undefined || alg === '') {
    return { ok: false, reason: 'The header (part 1) has no "alg" naming the algorithm, so no server can verify or decrypt this token.', isObject: true };
  }
  const bounded = boundJson(parsed, DEFAULT_JSON_LIMITS);
  return { ok: true, value: bounded.value as Record<string, unknown>, alg, warnings: boundWarnings('header', bounded) };
}

function decodeJws(segments: string[], header: Header, tooLong: string | undefined): DecodedToken {
  const [, payloadSegment, signatureSegment] = segments;
  const warnings = [...header.warnings];
  const alg = header.alg;
  const signed = alg.toLowerCase() !== 'none';
  if (!signed) warnings.push('"alg" is "none": the token is unsigned and proves nothing; servers must reject it.');
  if (typeof ownValue(header.value, 'jku') === 'string' || typeof ownValue(header.value, 'x5u') === 'string') {
    warnings.push('The header points at its own key ("jku"/"x5u"); verify only with keys from an issuer you configured, never with a key the token names.');
  }
  if (tooLong) return { kind: 'jwt', header: header.value, payload: { type: 'not-decoded', reason: tooLong }, signed, warnings: [...warnings, tooLong] };

  const payloadBytes = decodeBase64urlStrict(payloadSegment);
  if (!payloadBytes.ok) return malformed(`The payload (part 2) ${payloadBytes.reason}.`);
  const signatureProblem = base64urlProblem(signatureSegment);
  if (signatureProblem !== undefined) return malformed(`The signature (part 3) ${signatureProblem}.`);
  if (signed && signatureSegment === '') warnings.push(`"alg" is ${JSON.stringify(shorten(alg))} but the signature is empty.`);

  const text = utf8OrUndefined(payloadBytes.bytes);
  if (text === undefined) return malformed('The payload is not valid UTF-8 — the token was probably damaged when copied.');
  const parsed = parseJson(text);
  // RFC 7515: a JWS payload may be any text; show it as text rather than pretending it is claims.
  if (!isPlainObject(parsed)) return { kind: 'jwt', header: header.value, payload: { type: 'text', text }, signed, warnings };
  const bounded = boundJson(parsed, DEFAULT_JSON_LIMITS);
  const claims = bounded.value as Record<string, unknown>;
  warnings.push(...boundWarnings('payload', bounded), ...timeClaimWarnings(claims));
  return { kind: 'jwt', header: header.value, payload: { type: 'claims', claims }, signed, warnings };
}

function decodeJwe(segments: string[], header: Header, tooLong: string | undefined): DecodedToken {
  const warnings = [...header.warnings];
  if (typeof ownValue(header.value, 'enc') !== 'string') warnings.push('The header has no "enc", which every JWE needs.');
  if (tooLong) return { kind: 'jwe', header: header.value, warnings: [...warnings, tooLong] };
  for (let i = 1; i < 5; i++) {
    const problem = base64urlProblem(segments[i]);
    if (problem !== undefined) return malformed(`The ${JWE_PARTS[i]} (part ${i + 1}) ${problem}.`);
  }
  return { kind: 'jwe', header: header.value, warnings };
}

function boundWarnings(part: 'header' | 'payload', bounded: BoundedJson): string[] {
  const warnings: string[] = [];
  const { maxDepth, maxEntries, maxJsonChars } = DEFAULT_JSON_LIMITS;
  if (bounded.tooDeep > 0) warnings.push(`The ${part} has values nested deeper than ${maxDepth} levels; they are shown as "${TOO_DEEP}".`);
  if (bounded.truncated > 0) {
    warnings.push(
      `The ${part} is too big to show whole (over ${maxEntries} keys or items in one place, or over ${maxJsonChars / 1024} KB); what was cut is shown as "${TRUNCATED}".`,
    );
  }
  return warnings;
}

function decodeOpaque(value: string): DecodedToken {
  return { kind: 'opaque', length: value.length, shape: describeOpaqueShape(value), warnings: [] };
}

/** A short human description of an opaque token's shape, which often names its issuer. */
export function describeOpaqueShape(value: string): string {
  if (/^oauth:/.test(value)) return 'Cloudflare Access OAuth token ("oauth:" prefix)';
  const colonParts = value.split(':');
  if (colonParts.length === 3 && colonParts.every((p) => p.length > 0)) {
    return 'three colon-separated parts (userId:grantId:secret, as workers-oauth-provider issues)';
  }
  const prefix = value.match(/^([a-z][a-z0-9]{1,10})[_.-]/i)?.[1];
  const body = prefix ? value.slice(prefix.length + 1) : value;
  const alphabet = /^[0-9a-f]+$/i.test(body)
    ? 'hex'
    : /^[A-Za-z0-9_-]+$/.test(body)
      ? 'base64url characters'
      : /^[A-Za-z0-9+/]+=*$/.test(body)
        ? 'base64 characters'
        : 'mixed characters';
  return prefix ? `"${prefix}" prefix, then ${alphabet}` : alphabet;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function ownString(object: Record<string, unknown>, key: string): string | undefined {
  const value = ownValue(object, key);
  return typeof value === 'string' ? value : undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function malformed(reason: string): DecodedToken {
  return { kind: 'malformed', reason, warnings: [] };
}

/** The claims of a decoded JWT, or an empty object for anything else. */
export function claimsOf(decoded: DecodedToken): Record<string, unknown> {
  return decoded.kind === 'jwt' && decoded.payload.type === 'claims' ? decoded.payload.claims : {};
}
