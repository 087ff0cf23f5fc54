import { extractTokensFromTokenResponse, MAX_TOKEN_BODY_BYTES } from '../capture/extractTokensFromHarEntry';
import { headerValue, nameValues, originOf, urlWithoutQuery } from '../capture/har';
import { tokenFingerprint } from '../tokens/fingerprint';
import { withoutQuery } from '../urls';
import type { TokenRequestEvent } from './types';

/** Request bodies bigger than this are not read: token requests are a few hundred bytes. */
const MAX_REQUEST_BODY_CHARS = 64 * 1024;
/** Server text kept from an OAuth error description. */
const MAX_DESCRIPTION_CHARS = 300;
const MAX_RESOURCES = 8;
const GRANT_TYPE = /^[\w.:\-/]{1,120}$/;
const ERROR_CODE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,80}$/;

/** The parameters of a token request, from its body: names and facts only, values never leave this function except as fingerprints. */
interface TokenRequestParams {
  grantType: string;
  bodyFormat: 'form' | 'json';
  resources: string[];
  offlineAccessRequested: boolean;
  refreshTokenSent?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * What a finished request tells about the page's token handling, when it was an OAuth token
 * request (a POST whose form or JSON body has `grant_type`); undefined for every other request.
 * `responseBody` is the response text when it was read. The entry is untrusted: any shape is read
 * without throwing.
 */
export function tokenRequestEvent(entry: unknown, responseBody?: string): TokenRequestEvent | undefined {
  const e = isRecord(entry) ? entry : {};
  const request = isRecord(e.request) ? e.request : {};
  const response = isRecord(e.response) ? e.response : {};
  if (typeof request.method !== 'string' || request.method.toUpperCase() !== 'POST' || typeof request.url !== 'string') return undefined;
  const params = tokenRequestParams(request.postData, nameValues(request.headers));
  if (!params) return undefined;
  const started = typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : NaN;
  const at = Number.isFinite(started) ? started : Date.now();
  const endpoint = urlWithoutQuery(request.url);
  const status = typeof response.status === 'number' && Number.isInteger(response.status) && response.status >= 0 ? response.status : 0;
  // Live capture and the backfill report the same entry: same start, endpoint, body and status. Two
  // refreshes racing in one millisecond differ in body (refresh token) or status, and stay two.
  const bodyKey = tokenFingerprint(typeof request.postData === 'object' && request.postData !== null ? JSON.stringify(request.postData) : '');
  const event: TokenRequestEvent = { id: `${at}|${endpoint}|${status}|${bodyKey}`, at, endpoint, origin: originOf(request.url), status, ...params };
  if (typeof responseBody === 'string') Object.assign(event, responseFacts(responseBody, status, at, endpoint));
  return event;
}

/** The issued tokens or the OAuth error of a token response body, by fingerprint. */
export function responseFacts(body: string, status: number, at: number, endpoint: string): Pick<TokenRequestEvent, 'issued' | 'error'> {
  if (status >= 200 && status < 300) {
    const issued: NonNullable<TokenRequestEvent['issued']> = {};
    for (const o of extractTokensFromTokenResponse(body, at, endpoint)) {
      if (!o.role || issued[o.role] !== undefined) continue;
      issued[o.role] = tokenFingerprint(o.value);
      if (o.role === 'access' && o.issuedExpiresAt !== undefined) issued.expiresIn = o.issuedExpiresAt - Math.floor(at / 1000);
    }
    return Object.keys(issued).length > 0 ? { issued } : {};
  }
  const error = oauthError(body);
  return error ? { error } : {};
}

/** An RFC 6749 §5.2 error body: `{ "error": "invalid_grant", "error_description": "…" }`. */
function oauthError(body: string): TokenRequestEvent['error'] {
  if (body.length > MAX_TOKEN_BODY_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const code = own(parsed, 'error');
  if (typeof code !== 'string' || !ERROR_CODE.test(code)) return undefined;
  const description = own(parsed, 'error_description');
  return {
    code,
    ...(typeof description === 'string' && description.trim() !== '' ? { description: withoutSecrets(description.slice(0, MAX_DESCRIPTION_CHARS)) } : {}),
  };
}

/**
 * Servers echo what they refused ("Invalid refresh token: eyJ…"): any token-shaped run (20 or more
 * token characters with a digit in it) is masked, so the lifecycle and its report never carry one.
 */
export function withoutSecrets(text: string): string {
  return text.replace(/[\w.~+/=-]{20,}/g, (run) => (/\d/.test(run) ? '<redacted>' : run));
}

function tokenRequestParams(postData: unknown, headers: ReturnType<typeof nameValues>): TokenRequestParams | undefined {
  const data = isRecord(postData) ? postData : {};
  const text = typeof data.text === 'string' ? data.text : undefined;
  // Runs for every POST the page makes (MCP JSON-RPC, analytics …): bodies without `grant_type` are not parsed.
  if (text !== undefined && (text.length > MAX_REQUEST_BODY_CHARS || !text.includes('grant_type'))) return undefined;
  const mime = (typeof data.mimeType === 'string' ? data.mimeType : (headerValue(headers, 'content-type') ?? '')).toLowerCase();
  const trimmed = text?.trimStart() ?? '';
  if (mime.includes('json') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return undefined;
    }
    return isRecord(parsed) ? fromFields((name) => jsonValues(own(parsed, name)), 'json') : undefined;
  }
  // Form bodies: the text when there is one, else the HAR's parsed `params` (some browsers give only those).
  let form: URLSearchParams | undefined;
  if (text !== undefined) {
    try {
      form = new URLSearchParams(text);
    } catch {
      return undefined;
    }
  } else {
    form = new URLSearchParams(nameValues(data.params).map((p) => [safeDecode(p.name), safeDecode(p.value)]));
  }
  return fromFields((name) => form.getAll(name), 'form');
}

function fromFields(values: (name: string) => string[], bodyFormat: 'form' | 'json'): TokenRequestParams | undefined {
  const grantType = values('grant_type')[0]?.trim();
  if (!grantType) return undefined;
  const scopes = values('scope').join(' ').split(/\s+/);
  const refresh = values('refresh_token')[0]?.trim();
  return {
    grantType: GRANT_TYPE.test(grantType) ? grantType : 'unknown',
    bodyFormat,
    resources: values('resource')
      .map((r) => withoutQuery(r.trim()).slice(0, 300))
      .filter((r) => r !== '')
      .slice(0, MAX_RESOURCES),
    offlineAccessRequested: scopes.includes('offline_access'),
    ...(refresh ? { refreshTokenSent: tokenFingerprint(refresh) } : {}),
  };
}

/** A JSON body's field as strings: a string, or an array of strings (RFC 8707 allows several resources). */
function jsonValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A token request whose response is an error: its body (the OAuth error) is worth reading too. */
export function isTokenRequestError(entry: unknown): boolean {
  const e = isRecord(entry) ? entry : {};
  const response = isRecord(e.response) ? e.response : {};
  const status = response.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return false;
  const content = isRecord(response.content) ? response.content : {};
  const size = typeof content.size === 'number' ? content.size : -1;
  return size <= MAX_TOKEN_BODY_BYTES && tokenRequestEvent(entry) !== undefined;
}
