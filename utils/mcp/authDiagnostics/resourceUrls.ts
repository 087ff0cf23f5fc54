/** Parses an http(s) URL; anything else (javascript:, data:, junk) is undefined. */
export function httpUrl(text: string, base?: string): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 8707 canonical form: scheme and host lower case and default port dropped (URL does both), no fragment. */
export function canonicalResource(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search}`;
}

/** RFC 9728 §3.1: the well-known segment goes between host and path; then the root document. */
export function protectedResourceMetadataUrls(endpoint: URL): string[] {
  const path = endpoint.pathname === '/' ? '' : endpoint.pathname.replace(/\/$/, '');
  const root = `${endpoint.origin}/.well-known/oauth-protected-resource`;
  return path ? [`${root}${path}`, root] : [root];
}

/** RFC 8414 §3.1 path insertion, the root document, then OpenID Connect discovery (inserted and appended). */
export function authorizationServerMetadataUrls(issuer: URL): string[] {
  const path = issuer.pathname === '/' ? '' : issuer.pathname.replace(/\/$/, '');
  const urls = path
    ? [
        `${issuer.origin}/.well-known/oauth-authorization-server${path}`,
        `${issuer.origin}/.well-known/oauth-authorization-server`,
        `${issuer.origin}/.well-known/openid-configuration${path}`,
        `${issuer.origin}${path}/.well-known/openid-configuration`,
      ]
    : [`${issuer.origin}/.well-known/oauth-authorization-server`, `${issuer.origin}/.well-known/openid-configuration`];
  return [...new Set(urls)];
}

export type ResourceMatch = { kind: 'same' | 'origin' | 'prefix' | 'trailing-slash' } | { kind: 'other-origin' | 'other-path' | 'invalid'; detail: string };

/** Does a resource identifier name this endpoint: the endpoint itself, its origin, or a path prefix of it? */
export function matchResource(resource: string, endpoint: URL): ResourceMatch {
  const parsed = httpUrl(resource);
  if (!parsed) return { kind: 'invalid', detail: 'not an absolute http(s) URL' };
  if (parsed.hash) return { kind: 'invalid', detail: 'it has a fragment, which a resource identifier must not have' };
  if (canonicalResource(parsed) === canonicalResource(endpoint)) return { kind: 'same' };
  if (parsed.origin !== endpoint.origin) return { kind: 'other-origin', detail: `${parsed.origin} is not ${endpoint.origin}` };
  const r = parsed.pathname;
  const e = endpoint.pathname;
  if (r === '/' && !parsed.search) return { kind: 'origin' };
  if (r.replace(/\/$/, '') === e.replace(/\/$/, '') && parsed.search === endpoint.search) return { kind: 'trailing-slash' };
  if (!parsed.search && e.startsWith(r) && (r.endsWith('/') || e[r.length] === '/')) return { kind: 'prefix' };
  return { kind: 'other-path', detail: `path ${r} is neither ${e} nor a prefix of it` };
}

/** A JWT `aud` (string or array) names this resource, its endpoint or the endpoint's origin? */
export function audienceMatches(aud: unknown, accepted: string[]): boolean | 'wrong-type' {
  const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) && aud.every((a) => typeof a === 'string') ? (aud as string[]) : undefined;
  if (!values) return 'wrong-type';
  const wanted = new Set(accepted.map(normalise));
  return values.some((v) => wanted.has(normalise(v)));
}

function normalise(text: string): string {
  const url = httpUrl(text);
  return url ? canonicalResource(url).replace(/\/$/, '') : text;
}
