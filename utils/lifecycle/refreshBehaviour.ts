import type { RefreshEvent, RefreshSummary } from './model';
import type { TokenRequestEvent } from './types';
import { median } from './lifetimeStats';
import { clip, durationWords } from './words';

/** Server text kept from an error description in a sentence. */
const MAX_DESCRIPTION_CHARS = 200;

/**
 * OAuth token-endpoint error codes (RFC 6749 §5.2, RFC 8707 §2, RFC 9449, RFC 8628) in plain words.
 * Fixed text: the code itself is the only part the server chose.
 */
const OAUTH_ERRORS: Record<string, string> = {
  invalid_request: 'the request is missing a required parameter, repeats one, or is otherwise malformed',
  invalid_client: 'the server did not accept the client: unknown client id, or wrong client secret or assertion',
  invalid_grant: 'the refresh token or authorization code was already used, expired, revoked, or issued to another client — the user has to sign in again',
  unauthorized_client: 'this client is not allowed to use this grant type',
  unsupported_grant_type: 'the server does not support this grant type',
  invalid_scope: 'the requested scope is unknown, malformed, or more than the user granted',
  invalid_target: 'the requested resource (RFC 8707) is unknown, malformed, or not allowed for this client',
  access_denied: 'the user or the server refused the request',
  server_error: 'the token endpoint failed on its side',
  temporarily_unavailable: 'the token endpoint is overloaded or down for maintenance; a retry later may work',
  invalid_dpop_proof: 'the DPoP proof (RFC 9449) was missing or rejected',
  use_dpop_nonce: 'the server wants the DPoP proof to carry the nonce it sent (RFC 9449); the client should retry with it',
  authorization_pending: 'the user has not finished the device sign-in yet',
  slow_down: 'the client polls the device endpoint too often',
  expired_token: 'the device code expired before the user finished signing in',
};

/** An OAuth token-endpoint error code in plain words. */
export function oauthErrorWords(code: string): string {
  return Object.hasOwn(OAUTH_ERRORS, code) ? OAUTH_ERRORS[code] : 'an error code the OAuth specifications do not define';
}

/**
 * One token request as the lifecycle shows it. `replaced` is the lineage token it replaced (with its
 * expiry, for the lead time); `issued` the lineage token it produced.
 */
export function refreshEventOf(request: TokenRequestEvent, replaced?: { fingerprint: string; expiresAtMs?: number }, issued?: string): RefreshEvent {
  const failed = isFailure(request);
  const event: RefreshEvent = {
    requestId: request.id,
    at: request.at,
    grantType: request.grantType,
    endpoint: request.endpoint,
    resourceSent: request.resources.length > 0,
    resources: [...request.resources],
    offlineAccessRequested: request.offlineAccessRequested,
    status: request.status,
  };
  if (replaced && !failed) event.replacedFingerprint = replaced.fingerprint;
  if (issued) event.newFingerprint = issued;
  if (replaced?.expiresAtMs !== undefined) event.leadSeconds = Math.round((replaced.expiresAtMs - request.at) / 1000);
  // Rotation is known only when a refresh token was sent AND the response was read.
  if (request.refreshTokenSent !== undefined && request.issued !== undefined && !failed) {
    event.refreshRotated = request.issued.refresh !== undefined && request.issued.refresh !== request.refreshTokenSent;
  }
  if (request.error) {
    event.error = {
      code: request.error.code,
      words: oauthErrorWords(request.error.code),
      ...(request.error.description !== undefined ? { description: clip(request.error.description, MAX_DESCRIPTION_CHARS) } : {}),
    };
  } else if (failed) {
    event.error = { code: request.status === 0 ? 'no_response' : `http_${request.status}`, words: httpFailureWords(request.status) };
  }
  return event;
}

export function isFailure(request: Pick<TokenRequestEvent, 'status' | 'error'>): boolean {
  return request.error !== undefined || request.status === 0 || request.status >= 400;
}

function httpFailureWords(status: number): string {
  if (status === 0) return 'the request got no answer (network, CORS, or cancelled)';
  return `the token endpoint answered HTTP ${status} without an OAuth error code`;
}

/**
 * How the page refreshes one lineage, in short sentences. `refreshes` are the lineage's refresh
 * events (replacements and failures); `requests` every token request placed in the lineage,
 * including the first sign-in, which is where `resource` and `offline_access` matter too.
 */
export function refreshSummary(refreshes: RefreshEvent[], requests: RefreshEvent[] = refreshes): RefreshSummary {
  const sentences: string[] = [];
  const replacing = refreshes.filter((e) => e.error === undefined);
  const withLead = replacing.filter((e) => e.leadSeconds !== undefined && e.replacedFingerprint !== undefined);
  const before = withLead.filter((e) => e.leadSeconds! > 0);
  const after = withLead.filter((e) => e.leadSeconds! <= 0);
  const medianLeadSeconds = median(withLead.map((e) => e.leadSeconds!));

  if (requests.length === 0) sentences.push('no token request seen for these tokens');
  else if (replacing.length === 0 && refreshes.length === 0) sentences.push('never refreshed while the panel watched');
  if (before.length > 0) {
    sentences.push(`refreshes ${durationWords(median(before.map((e) => e.leadSeconds!))!)} before expiry (${before.length} of ${withLead.length})`);
  }
  if (after.length > 0) {
    const late = median(after.map((e) => -e.leadSeconds!))!;
    sentences.push(`let the token expire first (${after.length} of ${withLead.length})${late > 0 ? `, refreshing ${durationWords(late)} after expiry` : ''}`);
  }

  const grants = countBy(replacing.map((e) => e.grantType));
  if (grants.size > 0 && !(grants.size === 1 && grants.has('refresh_token'))) {
    sentences.push(`replaces tokens with grant_type ${[...grants].map(([g, n]) => `${clip(g, 60)} (${n})`).join(', ')}`);
  }

  const rotationKnown = replacing.filter((e) => e.refreshRotated !== undefined);
  const rotated = rotationKnown.filter((e) => e.refreshRotated);
  if (rotationKnown.length > 0) {
    if (rotated.length === rotationKnown.length) sentences.push('rotates its refresh token');
    else if (rotated.length === 0) sentences.push('keeps the same refresh token (no rotation)');
    else sentences.push(`rotates its refresh token on ${rotated.length} of ${rotationKnown.length} refreshes`);
  }

  if (requests.length > 0) {
    const sent = requests.filter((e) => e.resourceSent).length;
    if (sent === requests.length) sentences.push('sends resource');
    else if (sent === 0) sentences.push('never sends resource (RFC 8707; Cloudflare managed OAuth requires it)');
    else sentences.push(`sends resource on ${sent} of ${requests.length} token requests`);
    const offline = requests.filter((e) => e.offlineAccessRequested).length;
    if (offline === 0) sentences.push('never asks for offline_access');
    else sentences.push(`asks for offline_access (${offline} of ${requests.length})`);
  }

  const failures = requests.filter((e) => e.error !== undefined);
  const byCode = new Map<string, RefreshEvent[]>();
  for (const e of failures) byCode.set(e.error!.code, [...(byCode.get(e.error!.code) ?? []), e]);
  for (const [code, events] of byCode) {
    const described = events.find((e) => e.error!.description !== undefined)?.error!.description;
    const times = events.length === 1 ? '' : ` (${events.length} times)`;
    sentences.push(`${clip(code, 80)}: ${events[0].error!.words}${times}${described ? `. The server said: “${described}”` : ''}`);
  }

  return { refreshCount: replacing.length, beforeExpiryCount: before.length, ...(medianLeadSeconds !== undefined ? { medianLeadSeconds } : {}), sentences };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
