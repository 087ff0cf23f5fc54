// What the panel needs to offer a signature check, without jose: jose loads only when a check runs.

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
  if (/\.cloudflareaccess\.com$/i.test(url.hostname)) return `${url.origin}/cdn-cgi/access/certs`;
  // The issuer's query, fragment and credentials are not part of where its keys live.
  return `${url.origin}${withoutTrailingSlashes(url.pathname)}/.well-known/jwks.json`;
}

/** A loop, not /\/+$/: that regex takes quadratic time on a long run of slashes followed by anything else. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
