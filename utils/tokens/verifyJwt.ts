import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { FetchLike } from '../mcp/recordingFetch';
import type { SignatureCheck } from './jwksUrl';
import { readBodyCapped } from '../readBodyCapped';

export type { SignatureCheck } from './jwksUrl';
export { suggestJwksUrl } from './jwksUrl';

/** Real key sets are a few KB; a bigger answer is not one, and reading it all would only cost memory. */
export const MAX_JWKS_BYTES = 256 * 1024;

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
  let keys: ReturnType<typeof createLocalJWKSet>;
  try {
    keys = createLocalJWKSet(jwks);
  } catch (error) {
    return { state: 'error', reason: `${jwksUrl} is not a usable key set (${(error as Error).message}).`, jwksUrl };
  }
  try {
    const { protectedHeader } = await compactVerify(token, keys);
    const kid = typeof protectedHeader.kid === 'string' ? protectedHeader.kid : undefined;
    return { state: 'valid', ...(kid === undefined ? {} : { kid }), alg: String(protectedHeader.alg), jwksUrl };
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
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}, not a key set.`);
  const text = await readAtMost(response, MAX_JWKS_BYTES, url, timeoutMs);
  if (text === undefined) throw new Error(`${url} answered, but the key set is larger than ${MAX_JWKS_BYTES / 1024} KB, so it is not read.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(
      /^\s*</.test(text)
        ? `${url} returned an HTML page (a login page, or the wrong URL), not a key set.`
        : `${url} did not return JSON, so it is not a key set.`,
    );
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { keys?: unknown }).keys)) {
    throw new Error(`${url} returned JSON without a "keys" array, so it is not a JWKS.`);
  }
  return body as JSONWebKeySet;
}

/** The body as text, or undefined once it passes `maxBytes`: reading stops there, whatever the server sends. */
async function readAtMost(response: Response, maxBytes: number, url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    return (await readBodyCapped(response, maxBytes)).text;
  } catch (error) {
    throw new Error(
      (error as Error).name === 'TimeoutError'
        ? `The key set at ${url} did not arrive within ${timeoutMs / 1000} s.`
        : `Reading the key set from ${url} failed (${(error as Error).message}).`,
      { cause: error },
    );
  }
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
