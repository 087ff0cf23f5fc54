import { decodeToken } from './decodeToken';
import type { HarEntryLike, HarNameValue } from './har';
import { headerValue, originOf, urlWithoutQuery } from './har';

export type TokenSource = 'authorization-header' | 'other-header' | 'cookie' | 'set-cookie' | 'query' | 'token-response' | 'pasted';

export type TokenRole = 'access' | 'id' | 'refresh';

/** One sighting of a token: where it was, when, and what the sighting says about it. */
export interface TokenObservation {
  value: string;
  source: TokenSource;
  /** Header, cookie, parameter or JSON field name the token was found under. */
  name: string;
  /** Origin the token was sent to (request side) or came from (response side). */
  origin: string;
  /** Milliseconds since the epoch. */
  at: number;
  role?: TokenRole;
  /** Token responses: Unix seconds at which the issuer said this token expires. */
  issuedExpiresAt?: number;
  /** Token responses: the endpoint (no query), token_type, scope and sibling tokens of the same response. */
  issuedBy?: string;
  tokenType?: string;
  scope?: string;
  issuedWith?: TokenRole[];
  /** Milliseconds the server's `Date` header was ahead of the local clock (negative when behind). */
  serverClockOffsetMs?: number;
}

/** Response bodies bigger than this are not read for tokens: token responses are small. */
export const MAX_TOKEN_BODY_BYTES = 256 * 1024;

const OTHER_TOKEN_HEADERS = new Set([
  'cf-access-jwt-assertion',
  'cf-access-token',
  'x-access-token',
  'x-auth-token',
  'x-id-token',
  'x-amzn-oidc-data',
  'x-amzn-oidc-accesstoken',
]);
const SKIPPED_HEADERS = new Set(['authorization', 'cookie', 'set-cookie']);
const TOKEN_QUERY_PARAMS = new Set(['access_token', 'id_token', 'token', 'jwt']);
const TOKEN_COOKIE_NAME = /^cf_authorization$|token|jwt|^(access|id|refresh|auth)[_-]/i;
const AUTH_SCHEME = /^(bearer|dpop)\s+(\S+)\s*$/i;

/** Every token a finished request carried, in request headers, cookies, query, Set-Cookie and (given) response body. */
export function extractTokensFromHarEntry(entry: HarEntryLike, responseBody?: string): TokenObservation[] {
  const at = startedAt(entry);
  const origin = originOf(entry.request.url);
  const serverClockOffsetMs = clockOffset(entry, at);
  const found: TokenObservation[] = [];
  const add = (o: Omit<TokenObservation, 'origin' | 'at'>) =>
    found.push({ origin, at, ...(serverClockOffsetMs === undefined ? {} : { serverClockOffsetMs }), ...o });

  for (const header of entry.request.headers) {
    const name = header.name.toLowerCase();
    if (name === 'authorization') {
      const match = AUTH_SCHEME.exec(header.value.trim());
      if (match) add({ value: match[2], source: 'authorization-header', name: header.name, role: 'access' });
    } else if (!SKIPPED_HEADERS.has(name) && isTokenHeader(name, header.value)) {
      add({ value: header.value.trim(), source: 'other-header', name: header.name });
    }
  }
  for (const header of entry.response.headers) {
    const name = header.name.toLowerCase();
    if (!SKIPPED_HEADERS.has(name) && isJoseValue(header.value)) add({ value: header.value.trim(), source: 'other-header', name: header.name });
  }

  for (const cookie of requestCookies(entry)) {
    if (isTokenCookie(cookie)) add({ value: cookie.value, source: 'cookie', name: cookie.name });
  }
  for (const cookie of setCookies(entry)) {
    if (isTokenCookie(cookie)) add({ value: cookie.value, source: 'set-cookie', name: cookie.name });
  }

  for (const [name, value] of queryParams(entry.request.url)) {
    if (TOKEN_QUERY_PARAMS.has(name.toLowerCase()) && value.length >= 8) add({ value, source: 'query', name, role: name === 'id_token' ? 'id' : 'access' });
  }

  if (responseBody !== undefined && entry.response.status >= 200 && entry.response.status < 300) {
    for (const o of extractTokensFromTokenResponse(responseBody, at, urlWithoutQuery(entry.request.url))) add(o);
  }
  return found;
}

function isTokenHeader(lowerName: string, value: string): boolean {
  return OTHER_TOKEN_HEADERS.has(lowerName) ? value.trim().length > 0 : isJoseValue(value);
}

/** Cheap pre-check before a full decode: JOSE values start with "eyJ" and have 2 or 4 dots. */
function isJoseValue(value: string): boolean {
  const v = value.trim();
  if (!v.startsWith('eyJ') || v.length < 20) return false;
  const kind = decodeToken(v).kind;
  return kind === 'jwt' || kind === 'jwe';
}

function isTokenCookie(cookie: HarNameValue): boolean {
  const value = cookie.value.trim();
  if (value === '' || value === 'deleted') return false;
  return TOKEN_COOKIE_NAME.test(cookie.name) || isJoseValue(value);
}

function requestCookies(entry: HarEntryLike): HarNameValue[] {
  if (entry.request.cookies && entry.request.cookies.length > 0) return entry.request.cookies;
  const header = headerValue(entry.request.headers, 'cookie');
  if (!header) return [];
  return header.split(';').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq > 0 ? [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }] : [];
  });
}

function setCookies(entry: HarEntryLike): HarNameValue[] {
  if (entry.response.cookies && entry.response.cookies.length > 0) return entry.response.cookies;
  // Chrome joins several Set-Cookie headers into one value separated by newlines.
  return entry.response.headers
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .flatMap((h) => h.value.split('\n'))
    .flatMap((line) => {
      const pair = line.split(';')[0];
      const eq = pair.indexOf('=');
      return eq > 0 ? [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }] : [];
    });
}

function queryParams(url: string): [string, string][] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  try {
    return [...new URLSearchParams(url.slice(q + 1).split('#')[0])];
  } catch {
    return [];
  }
}

function startedAt(entry: HarEntryLike): number {
  const t = Date.parse(entry.startedDateTime);
  return Number.isFinite(t) ? t : Date.now();
}

function clockOffset(entry: HarEntryLike, startedAtMs: number): number | undefined {
  const date = headerValue(entry.response.headers, 'date');
  if (!date) return undefined;
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return undefined;
  // The Date header has whole-second precision and is stamped while the response is produced.
  const local = startedAtMs + (entry.time ?? 0) / 2;
  return server - local;
}

const TOKEN_FIELDS: { role: TokenRole; names: string[]; expiresIn: string[] }[] = [
  { role: 'access', names: ['access_token', 'accessToken'], expiresIn: ['expires_in', 'expiresIn'] },
  { role: 'id', names: ['id_token', 'idToken'], expiresIn: [] },
  { role: 'refresh', names: ['refresh_token', 'refreshToken'], expiresIn: ['refresh_expires_in', 'refresh_token_expires_in'] },
];

/**
 * Tokens in an OAuth token-endpoint response (RFC 6749 §5.1) or a look-alike (camelCase, one level
 * of nesting such as `{ data: { access_token } }`). An opaque access token's expiry is the request
 * time plus `expires_in`: the earliest moment the issuer could have started counting.
 */
export function extractTokensFromTokenResponse(body: string, requestedAtMs: number, issuedBy: string): Omit<TokenObservation, 'origin' | 'at'>[] {
  if (body.length > MAX_TOKEN_BODY_BYTES || !/oken/.test(body)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const candidates = [parsed, ...(isObject(parsed) ? Object.values(parsed) : [])].filter(isObject);
  for (const object of candidates) {
    const present = TOKEN_FIELDS.filter((f) => f.names.some((n) => typeof object[n] === 'string' && (object[n] as string).length > 0));
    if (present.length === 0) continue;
    const roles = present.map((f) => f.role);
    const tokenType = stringField(object, ['token_type', 'tokenType']);
    const scope = stringField(object, ['scope']);
    return present.map((field) => {
      const name = field.names.find((n) => typeof object[n] === 'string')!;
      const expiresIn = numberField(object, field.expiresIn);
      return {
        value: (object[name] as string).trim(),
        source: 'token-response' as const,
        name,
        role: field.role,
        issuedBy,
        issuedWith: roles.filter((r) => r !== field.role),
        ...(expiresIn !== undefined ? { issuedExpiresAt: Math.floor(requestedAtMs / 1000) + Math.floor(expiresIn) } : {}),
        ...(tokenType ? { tokenType } : {}),
        ...(scope ? { scope } : {}),
      };
    });
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: Record<string, unknown>, names: string[]): string | undefined {
  for (const n of names) if (typeof object[n] === 'string') return object[n] as string;
  return undefined;
}

/** `expires_in` is a number by the RFC, but Firebase and others send a numeric string. */
function numberField(object: Record<string, unknown>, names: string[]): number | undefined {
  for (const n of names) {
    const v = object[n];
    const num = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(num) && num > 0) return num;
  }
  return undefined;
}

/** Whether a response body is worth reading for tokens (decided before the costly `getContent`). */
export function mayCarryTokens(entry: HarEntryLike): boolean {
  if (entry.response.status < 200 || entry.response.status >= 300) return false;
  const mime = entry.response.content?.mimeType ?? headerValue(entry.response.headers, 'content-type') ?? '';
  if (!/json/i.test(mime)) return false;
  const size = entry.response.content?.size ?? -1;
  return size <= MAX_TOKEN_BODY_BYTES;
}
