import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { FetchLike } from './mcp/recordingFetch';

export type SignatureCheck =
  | { state: 'valid'; kid?: string; alg: string; jwksUrl: string }
  | { state: 'invalid'; reason: string; jwksUrl: string }
  | { state: 'error'; reason: string; jwksUrl: string };

/**
 * Where the issuer's keys usually are. Only a suggestion the user confirms: the `iss` claim comes
 * from the token itself, so "valid" only means "signed by a key published at this URL".
 */
export function suggestJwksUrl(iss: unknown): string | undefined {
  if (typeof iss !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const base = url.href.replace(/\/+$/, '');
  return /\.cloudflareaccess\.com$/i.test(url.hostname) ? `${url.origin}/cdn-cgi/access/certs` : `${base}/.well-known/jwks.json`;
}

/** Fetches a JWKS and checks the token's signature with it (signature only; times are shown elsewhere). */
export async function verifyJwtSignature(token: string, jwksUrl: string, fetchFn: FetchLike, timeoutMs = 8000): Promise<SignatureCheck> {
  let jwks: JSONWebKeySet;
  try {
    jwks = await fetchJwks(jwksUrl, fetchFn, timeoutMs);
  } catch (error) {
    return { state: 'error', reason: (error as Error).message, jwksUrl };
  }
  return verifyWithJwks(token, jwks, jwksUrl);
}

export async function verifyWithJwks(token: string, jwks: JSONWebKeySet, jwksUrl: string): Promise<SignatureCheck> {
  try {
    const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks));
    return { state: 'valid', kid: protectedHeader.kid, alg: protectedHeader.alg, jwksUrl };
  } catch (error) {
    return { state: 'invalid', reason: describeJoseError(error), jwksUrl };
  }
}

async function fetchJwks(url: string, fetchFn: FetchLike, timeoutMs: number): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), credentials: 'omit' });
  } catch (error) {
    throw new Error(
      (error as Error).name === 'TimeoutError'
        ? `The key set at ${url} did not answer within ${timeoutMs / 1000} s.`
        : `Could not fetch ${url} (refused, DNS, or no CORS headers for the extension).`,
    );
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}, not a key set.`);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} did not return JSON${/^\s*</.test(text) ? ' (it looks like an HTML page)' : ''}.`);
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { keys?: unknown }).keys)) {
    throw new Error(`${url} returned JSON without a "keys" array, so it is not a JWKS.`);
  }
  return body as JSONWebKeySet;
}

function describeJoseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'No key in that set matches the token\'s "kid" and "alg": it was signed by another key (another issuer, or a rotated key).';
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'Several keys in that set match and none verifies the signature.';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'The signature does not match: the token was altered, or signed by a different key with the same "kid".';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return `The token's algorithm cannot be checked with these keys (${(error as Error).message}).`;
    case 'ERR_JWS_INVALID':
      return `The token is not a valid JWS (${(error as Error).message}).`;
    default:
      return (error as Error).message || String(error);
  }
}
