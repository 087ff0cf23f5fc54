import type { FetchLike, HttpExchange } from '../recordingFetch';

export type { FetchLike, HttpExchange };

export type AuthCheckId =
  'challenge' | 'resource-metadata' | 'resource-matches' | 'as-metadata' | 'pkce' | 'registration' | 'refresh' | 'cors' | 'token-audience' | 'clock-skew';

/** The order findings are reported in. */
export const AUTH_CHECK_IDS: readonly AuthCheckId[] = [
  'challenge',
  'resource-metadata',
  'resource-matches',
  'as-metadata',
  'pkce',
  'registration',
  'refresh',
  'cors',
  'token-audience',
  'clock-skew',
];

export type AuthResult = 'pass' | 'fail' | 'warn' | 'skip';

export interface SpecRef {
  name: string;
  url: string;
}

export interface Evidence {
  label: string;
  value: string;
}

export interface AuthFinding {
  check: AuthCheckId;
  result: AuthResult;
  /** One plain sentence; may quote server text, so the panel renders it as text. */
  sentence: string;
  evidence: Evidence[];
  spec: SpecRef;
}

/** `incomplete`: the run was cancelled before every check ran. */
export type AuthVerdict = 'can-refresh' | 'sign-in-only' | 'cannot-sign-in' | 'no-auth' | 'incomplete';

export interface AuthReport {
  findings: AuthFinding[];
  verdict: AuthVerdict;
  verdictSentence: string;
  /** Every request made, secrets redacted, in the order they were sent. */
  exchanges: HttpExchange[];
  /** Server `Date` minus the local clock, in seconds (positive: the server is ahead). */
  clockSkewSeconds?: number;
}

/** The token the panel would send to this server: only its audience is judged, it is never sent. */
export interface TokenInput {
  value: string;
  isJwt: boolean;
  aud?: unknown;
}

export interface CapturedTokenResponse {
  hadRefreshToken: boolean;
  lifetimeSeconds?: number;
}

export interface RunAuthChecksOptions {
  url: string;
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Per request. */
  timeoutMs: number;
  /** Local clock in milliseconds since the epoch; Date.now by default. */
  now?: () => number;
  token?: TokenInput;
  capturedTokenResponse?: CapturedTokenResponse;
}
