import { decodeToken } from '../tokens/decodeToken';
import type { HarEntryLike, HarNameValue } from './har';
import { headerValue, nameValues, originOf, urlWithoutQuery } from './har';

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

/** The parts of an entry the extractor reads, each of the type it needs; whatever else the entry holds is ignored. */
interface EntryView {
  startedDateTime: unknown;
  time: unknown;
  url: string;
  requestHeaders: HarNameValue[];
  requestCookies: HarNameValue[];
  status: number;
  responseHeaders: HarNameValue[];
  responseCookies: HarNameValue[];
}

function viewOf(entry: unknown): EntryView {
  const e = objectOrEmpty(entry);
  const request = objectOrEmpty(e.request);
  const response = objectOrEmpty(e.response);
  return {
    startedDateTime: e.startedDateTime,
    time: e.time,
    url: typeof request.url === 'string' ? request.url : '',
    requestHeaders: nameValues(request.headers),
    requestCookies: nameValues(request.cookies),
    status: typeof response.status === 'number' ? response.status : 0,
    responseHeaders: nameValues(response.headers),
    responseCookies: nameValues(response.cookies),
  };
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Every token a finished request carried, in request headers, cookies, query, Set-Cookie and (given)
 * response body. The entry describes what the page did, so any shape is read without throwing, and
 * an empty or blank value is never a token.
 */
export function extractTokensFromHarEntry(harEntry: HarEntryLike, responseBody?: string): TokenObservation[] {
  const entry = viewOf(harEntry);
  const at = startedAt(entry);
  const origin = originOf(entry.url);
  const serverClockOffsetMs = clockOffset(entry, at);
  const found: TokenObservation[] = [];
  const add = (o: Omit<TokenObservation, 'origin' | 'at'>) => {
    if (o.value.trim() === '') return;
    found.push({ origin, at, ...(serverClockOffsetMs === undefined ? {} : { serverClockOffsetMs }), ...o });
  };

  for (const header of entry.requestHeaders) {
    const name = header.name.toLowerCase();
    if (name === 'authorization') {
      const match = AUTH_SCHEME.exec(header.value.trim());
      if (match) add({ value: match[2], source: 'authorization-header', name: header.name, role: 'access' });
    } else if (!SKIPPED_HEADERS.has(name) && isTokenHeader(name, header.value)) {
      add({ value: header.value.trim(), source: 'other-header', name: header.name });
    }
  }
  for (const header of entry.responseHeaders) {
    const name = header.name.toLowerCase();
    if (!SKIPPED_HEADERS.has(name) && isJoseValue(header.value)) add({ value: header.value.trim(), source: 'other-header', name: header.name });
  }

  for (const cookie of requestCookies(entry)) {
    const value = cookieValue(cookie.value);
    if (isTokenCookie(cookie.name, value)) add({ value, source: 'cookie', name: cookie.name });
  }
  for (const cookie of setCookies(entry)) {
    const value = cookieValue(cookie.value);
    if (isTokenCookie(cookie.name, value)) add({ value, source: 'set-cookie', name: cookie.name });
  }

  for (const [name, raw] of queryParams(entry.url)) {
    const value = raw.trim();
    if (value.length >= 8) add({ value, source: 'query', name, role: name === 'id_token' ? 'id' : 'access' });
  }

  if (typeof responseBody === 'string' && entry.status >= 200 && entry.status < 300) {
    for (const o of extractTokensFromTokenResponse(responseBody, at, urlWithoutQuery(entry.url))) add(o);
  }
  return found;
}

/** A cookie value may be quoted (RFC 6265 §4.1.1); the quotes are not part of the token. */
function cookieValue(raw: string): string {
  const value = raw.trim();
  return (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value).trim();
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

function isTokenCookie(name: string, value: string): boolean {
  if (value === '' || value === 'deleted') return false;
  return TOKEN_COOKIE_NAME.test(name) || isJoseValue(value);
}

function requestCookies(entry: EntryView): HarNameValue[] {
  if (entry.requestCookies.length > 0) return entry.requestCookies;
  const header = headerValue(entry.requestHeaders, 'cookie');
  if (!header) return [];
  return header.split(';').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq > 0 ? [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }] : [];
  });
}

function setCookies(entry: EntryView): HarNameValue[] {
  if (entry.responseCookies.length > 0) return entry.responseCookies;
  // Chrome joins several Set-Cookie headers into one value separated by newlines.
  return entry.responseHeaders
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .flatMap((h) => h.value.split('\n'))
    .flatMap((line) => {
      const pair = line.split(';')[0];
      const eq = pair.indexOf('=');
      return eq > 0 ? [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }] : [];
    });
}

/** The query's token-named parameters, decoded. */
function queryParams(url: string): [string, string][] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  try {
    return [...new URLSearchParams(url.slice(q + 1).split('#')[0])].filter(([name]) => TOKEN_QUERY_PARAMS.has(name.toLowerCase()));
  } catch {
    return [];
  }
}

function startedAt(entry: EntryView): number {
  const t = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

function clockOffset(entry: EntryView, startedAtMs: number): number | undefined {
  const date = headerValue(entry.responseHeaders, 'date');
  if (!date) return undefined;
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return undefined;
  // The Date header has whole-second precision and is stamped while the response is produced.
  const time = typeof entry.time === 'number' && Number.isFinite(entry.time) && entry.time > 0 ? entry.time : 0;
  const offset = server - (startedAtMs + time / 2);
  return Number.isFinite(offset) ? offset : undefined;
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
  if (typeof body !== 'string' || body.length > MAX_TOKEN_BODY_BYTES || !/oken/.test(body)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const candidates = [parsed, ...(isObject(parsed) ? Object.values(parsed) : [])].filter(isObject);
  for (const object of candidates) {
    // A blank field ("", " ") holds no token: it is skipped, and a sibling spelling may hold one.
    const present = TOKEN_FIELDS.flatMap((field) => {
      const name = field.names.find((n) => tokenIn(object, n) !== undefined);
      return name === undefined ? [] : [{ field, name, value: tokenIn(object, name)! }];
    });
    if (present.length === 0) continue;
    const roles = present.map((p) => p.field.role);
    const tokenType = stringField(object, ['token_type', 'tokenType']);
    const scope = stringField(object, ['scope']);
    return present.map(({ field, name, value }) => {
      const expiresIn = numberField(object, field.expiresIn);
      return {
        value,
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

/** A field of parsed JSON, read only when it is the object's own: the body decides its keys, "__proto__" included. */
function own(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

function tokenIn(object: Record<string, unknown>, name: string): string | undefined {
  const value = own(object, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function stringField(object: Record<string, unknown>, names: string[]): string | undefined {
  for (const n of names) {
    const value = own(object, n);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** `expires_in` is a number by the RFC, but Firebase and others send a numeric string. */
function numberField(object: Record<string, unknown>, names: string[]): number | undefined {
  for (const n of names) {
    const v = own(object, n);
    const num = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(num) && num > 0) return num;
  }
  return undefined;
}

/** Whether a response body is worth reading for tokens (decided before the costly `getContent`). */
export function mayCarryTokens(entry: HarEntryLike): boolean {
  const response = objectOrEmpty(objectOrEmpty(entry).response);
  const status = response.status;
  if (typeof status !== 'number' || status < 200 || status >= 300) return false;
  const content = objectOrEmpty(response.content);
  const mime = typeof content.mimeType === 'string' ? content.mimeType : (headerValue(nameValues(response.headers), 'content-type') ?? '');
  if (!/json/i.test(mime)) return false;
  const size = typeof content.size === 'number' ? content.size : -1;
  return size <= MAX_TOKEN_BODY_BYTES;
}
