import { base64url } from 'jose';

const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Base64urlResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Why `segment` is not canonical base64url (RFC 4648 §5, unpadded, as JOSE requires), or undefined
 * when it is. Leftover bits in the last character are refused: no encoder writes them, so they mean
 * the text was cut short or edited, and a lenient decoder would silently drop them.
 */
export function base64urlProblem(segment: string): string | undefined {
  if (!BASE64URL_ALPHABET.test(segment)) {
    const bad = segment.match(/[^A-Za-z0-9_-]/)?.[0] ?? '';
    return `contains ${describeChar(bad)}, which is not a base64url character`;
  }
  const rest = segment.length % 4;
  if (rest === 1) return 'has a length that no base64url text can have';
  if (rest !== 0) {
    const last = ALPHABET.indexOf(segment[segment.length - 1]);
    const unusedBits = rest === 2 ? 0b1111 : 0b11;
    if ((last & unusedBits) !== 0) return 'ends in leftover bits that no base64url encoder writes (was it cut short or edited?)';
  }
  return undefined;
}

/** Strict base64url decode: jose's decoder is lenient about padding and stray characters, a token inspector must not be. */
export function decodeBase64urlStrict(segment: string): Base64urlResult {
  const problem = base64urlProblem(segment);
  if (problem !== undefined) return { ok: false, reason: problem };
  try {
    return { ok: true, bytes: base64url.decode(segment) };
  } catch {
    return { ok: false, reason: 'is not valid base64url' };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 with fatal errors, so bytes that are not text are reported instead of shown as mojibake. */
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
  return JSON.stringify(ch);
}
