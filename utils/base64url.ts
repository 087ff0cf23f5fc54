import { base64url } from 'jose';

const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;

export type Base64urlResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Strict base64url decode: jose's decoder is lenient about padding and stray characters, a token inspector must not be. */
export function decodeBase64urlStrict(segment: string): Base64urlResult {
  if (!BASE64URL_ALPHABET.test(segment)) {
    const bad = segment.match(/[^A-Za-z0-9_-]/)?.[0] ?? '';
    return { ok: false, reason: `contains ${describeChar(bad)}, which is not a base64url character` };
  }
  if (segment.length % 4 === 1) return { ok: false, reason: 'has a length that no base64url text can have' };
  try {
    return { ok: true, bytes: base64url.decode(segment) };
  } catch {
    return { ok: false, reason: 'is not valid base64url' };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 with fatal errors, so a binary payload is reported as binary instead of as mojibake. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function describeChar(ch: string): string {
  if (ch === '=') return '"=" padding';
  if (ch === '+' || ch === '/') return `"${ch}" (plain base64, not base64url)`;
  if (/\s/.test(ch)) return 'whitespace';
  return `"${ch}"`;
}
