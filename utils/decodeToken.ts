import { decodeBase64urlStrict, utf8OrUndefined } from './base64url';
import { timeClaimWarnings } from './timeClaims';

export type TokenKind = 'jwt' | 'jwe' | 'opaque' | 'malformed';

export type JwtPayload = { type: 'claims'; claims: Record<string, unknown> } | { type: 'text'; text: string } | { type: 'binary'; byteLength: number };

export type DecodedToken =
  | { kind: 'jwt'; header: Record<string, unknown>; payload: JwtPayload; signed: boolean; warnings: string[] }
  | { kind: 'jwe'; header: Record<string, unknown>; warnings: string[] }
  | { kind: 'opaque'; length: number; shape: string; warnings: string[] }
  | { kind: 'malformed'; reason: string; warnings: string[] };

/** Values pages send by mistake when their token variable is empty. */
const PLACEHOLDER_VALUES = new Set(['undefined', 'null', '[object object]', 'nan', 'true', 'false', '""', "''"]);

/**
 * Decodes anything that arrived where a token was expected. Never throws: every failure becomes
 * a `malformed` result with a reason a person can act on.
 */
export function decodeToken(raw: string): DecodedToken {
  const value = raw.trim();
  if (value === '') return malformed('The token is empty.');
  if (PLACEHOLDER_VALUES.has(value.toLowerCase())) {
    return malformed(`The value is the literal text "${value}": the page sent its token variable before it held a token.`);
  }
  if (/\s/.test(value)) return malformed('The token contains whitespace; tokens never do (was more than the token copied?).');

  const segments = value.split('.');
  if (!looksLikeJose(segments)) return decodeOpaque(value);
  if (segments.length !== 3 && segments.length !== 5) {
    return malformed(`The token has ${segments.length} dot-separated parts; a signed JWT (JWS) has 3 and an encrypted one (JWE) has 5.`);
  }
  const header = decodeJsonSegment(segments[0], 'header');
  if (!header.ok) return malformed(header.reason);
  return segments.length === 5 ? decodeJwe(header.value) : decodeJws(segments, header.value);
}

function looksLikeJose(segments: string[]): boolean {
  // "eyJ" is base64url for '{"': every JOSE header starts with it. Other dotted values are JOSE
  // only when their first part really is a JSON object (e.g. `ya29.abc` is an opaque Google token).
  if (segments[0].startsWith('eyJ')) return segments.length > 1;
  if (segments.length !== 3 && segments.length !== 5) return false;
  return decodeJsonSegment(segments[0], 'header').ok;
}

function decodeJws(segments: string[], header: Record<string, unknown>): DecodedToken {
  const [, payloadSegment, signatureSegment] = segments;
  const payloadBytes = decodeBase64urlStrict(payloadSegment);
  if (!payloadBytes.ok) return malformed(`The payload (part 2) ${payloadBytes.reason}.`);
  const signature = decodeBase64urlStrict(signatureSegment);
  if (!signature.ok) return malformed(`The signature (part 3) ${signature.reason}.`);

  const warnings: string[] = [];
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  if (alg === undefined) warnings.push('The header has no "alg": no server can verify this token.');
  const signed = alg !== undefined && alg.toLowerCase() !== 'none';
  if (!signed && alg !== undefined) warnings.push('"alg" is "none": the token is unsigned and proves nothing; servers must reject it.');
  if (signed && signature.bytes.length === 0) warnings.push(`"alg" is "${alg}" but the signature is empty.`);
  if (typeof header.jku === 'string' || typeof header.x5u === 'string') {
    warnings.push('The header points at its own key ("jku"/"x5u"); verify only with keys from an issuer you configured, never with a key the token names.');
  }

  const payload = decodePayload(payloadBytes.bytes);
  if (payload.type === 'claims') warnings.push(...timeClaimWarnings(payload.claims));
  return { kind: 'jwt', header, payload, signed, warnings };
}

function decodePayload(bytes: Uint8Array): JwtPayload {
  const text = utf8OrUndefined(bytes);
  if (text === undefined) return { type: 'binary', byteLength: bytes.length };
  const parsed = parseJson(text);
  if (isPlainObject(parsed)) return { type: 'claims', claims: parsed };
  // RFC 7515: a JWS payload may be any octets; show it as text rather than pretending it is claims.
  return { type: 'text', text };
}

function decodeJwe(header: Record<string, unknown>): DecodedToken {
  const warnings: string[] = [];
  if (typeof header.enc !== 'string') warnings.push('The header has no "enc", which every JWE needs.');
  return { kind: 'jwe', header, warnings };
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

type JsonSegment = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

function decodeJsonSegment(segment: string, name: string): JsonSegment {
  const bytes = decodeBase64urlStrict(segment);
  if (!bytes.ok) return { ok: false, reason: `The ${name} (part 1) ${bytes.reason}.` };
  const text = utf8OrUndefined(bytes.bytes);
  if (text === undefined) return { ok: false, reason: `The ${name} (part 1) is not UTF-8 text.` };
  const parsed = parseJson(text);
  if (!isPlainObject(parsed)) return { ok: false, reason: `The ${name} (part 1) is not a JSON object.` };
  return { ok: true, value: parsed };
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

function malformed(reason: string): DecodedToken {
  return { kind: 'malformed', reason, warnings: [] };
}

/** The claims of a decoded JWT, or an empty object for anything else. */
export function claimsOf(decoded: DecodedToken): Record<string, unknown> {
  return decoded.kind === 'jwt' && decoded.payload.type === 'claims' ? decoded.payload.claims : {};
}
