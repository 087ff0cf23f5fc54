/**
 * The token lifecycle's data: what the page's own client did over a token's life. Everything here
 * is facts, fingerprints and times — never a token value — so it can be stored, shown and exported
 * as is.
 */

/** One token request the page made (an OAuth token endpoint call), read from the HAR entry. */
export interface TokenRequestEvent {
  /** Stable across re-sends of the same entry: start time + endpoint. */
  id: string;
  /** Request start, milliseconds since the epoch (the page's clock). */
  at: number;
  /** The token endpoint, without query. */
  endpoint: string;
  origin: string;
  /** `grant_type` as sent (`authorization_code`, `refresh_token`, `client_credentials` …), or `unknown`. */
  grantType: string;
  /** How the parameters were sent. */
  bodyFormat: 'form' | 'json';
  /** RFC 8707 `resource` parameter(s), without query (they are URLs, not secrets); empty when none was sent. */
  resources: string[];
  /** The requested `scope` contained `offline_access`. */
  offlineAccessRequested: boolean;
  /** Fingerprint of the `refresh_token` the request sent (refresh grants), never the value. */
  refreshTokenSent?: string;
  /** HTTP status of the response; 0 when the request never got one. */
  status: number;
  /** What the response issued, by fingerprint; absent when its body was not readable. */
  issued?: { access?: string; refresh?: string; id?: string; expiresIn?: number };
  /** An OAuth error response (`invalid_grant` …); the description is server text, capped, shown as text. */
  error?: { code: string; description?: string };
}

/** One finished Test tools now run, for the statistics. */
export interface TestRunRecord {
  at: number;
  /** Origin of the MCP endpoint tested. */
  origin: string;
  outcome: 'pass' | 'fail';
  /** The report's error kind when it failed (`token-expired`, `unauthorized` …). */
  errorKind?: string;
  /** The token sent, by fingerprint; absent when none was sent. */
  tokenFingerprint?: string;
  /** Seconds the sent token had left at the run (negative once expired); absent when unknown. */
  tokenSecondsLeft?: number;
  /** Seconds since the sent token was issued (iat, else first seen); absent when unknown. */
  tokenAgeSeconds?: number;
}
