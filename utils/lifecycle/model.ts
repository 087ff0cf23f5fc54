/**
 * What the lifecycle view shows, derived from the captured rows, the page's token requests and the
 * Test tools now runs. Everything here holds fingerprints, times, claim values and words — never a
 * token value — so it can be rendered, stored with the tab's capture and exported as is.
 */
import type { AuthReport } from '../mcp/authDiagnostics/types';
import type { TestRunRecord } from './types';

export type LineageKind = 'access' | 'id' | 'refresh';

/** One difference between a token and the previous token of its lineage, in plain words. */
export interface ClaimChange {
  /** The claim name (`scope`, `aud`, `amr` …) or `lifetime`. */
  claim: string;
  kind: 'added' | 'removed' | 'changed';
  /** Words of a list claim (scope, aud, amr) that appeared / disappeared. */
  added?: string[];
  removed?: string[];
  /** Short text of the old / new value (JSON for non-strings, capped). */
  before?: string;
  after?: string;
  /** Set on a `lifetime` change that made tokens live shorter. */
  shrank?: boolean;
  /** One sentence: "scope: added write, removed admin", "lifetime shrank from 1 h to 15 min". */
  words: string;
}

/** What `diffClaims` compares: a token's claims (empty for opaque tokens), its lifetime and its scope. */
export interface ClaimSnapshot {
  claims: Record<string, unknown>;
  lifetimeSeconds?: number;
  /** The token response's `scope` when the token itself carries none (opaque tokens). */
  scope?: string;
}

export interface LineageToken {
  fingerprint: string;
  /** `iat` (JWTs), else the time of the token request that issued it; ms since the epoch. */
  issuedAtMs?: number;
  /** `exp` (JWTs), else issue time + `expires_in`; ms since the epoch. */
  expiresAtMs?: number;
  /** `exp − iat` for JWTs; `expires_in` for opaque tokens; undefined when unknown. */
  lifetimeSeconds?: number;
  firstSeenMs: number;
  lastSeenMs: number;
  /** The next token of the lineage, and the token request that issued it when known. */
  replacedBy?: { fingerprint: string; requestId?: string };
  /** Differences from the previous token of the lineage (empty for the first). */
  changes: ClaimChange[];
  /** The issuer's clock disagrees with the capture time: `iat` is more than a minute after first seen (or long before it). */
  clockNote?: string;
}

/** One token request of the page placed in a lineage. */
export interface RefreshEvent {
  /** TokenRequestEvent.id. */
  requestId: string;
  /** Request start, ms since the epoch. */
  at: number;
  grantType: string;
  endpoint: string;
  /** The lineage token this request replaced (the previous token); absent when it replaced none (e.g. it failed). */
  replacedFingerprint?: string;
  /** The lineage token this request issued. */
  newFingerprint?: string;
  /** Replaced token's expiry − request time, in whole seconds; negative when the request came after expiry. */
  leadSeconds?: number;
  resourceSent: boolean;
  resources: string[];
  offlineAccessRequested: boolean;
  /** Sent refresh token fingerprint ≠ issued refresh token fingerprint; undefined when unknown (no refresh token sent, or response unread). */
  refreshRotated?: boolean;
  status: number;
  /** An OAuth error: the code, a plain-words explanation (fixed text) and the server's description (server text, capped). */
  error?: { code: string; words: string; description?: string };
}

export interface Gap {
  fromMs: number;
  toMs: number;
  /** The gap lasts until now: the lineage's newest token has expired and nothing replaced it. */
  open?: boolean;
}

export interface Lineage {
  /** Stable identity (see lineageKey). */
  key: string;
  /** "issuer · subject" for JWTs; the token endpoint (or origin) otherwise. */
  label: string;
  /** Origin the lineage's tokens were first seen at. */
  origin: string;
  kind: LineageKind;
  /** Issuer (JWT `iss`) when known. */
  issuer?: string;
  /** The cookie that carries the lineage's tokens (a session cookie such as CF_Authorization); absent for bearer tokens. */
  cookieName?: string;
  /** The token endpoint that issued its tokens, when known. */
  endpoint?: string;
  /** Oldest first (by first sighting): re-seeing an older token never reorders it. */
  tokens: LineageToken[];
  /**
   * Token requests that replaced a token of this lineage (successful `refresh_token` grants, or any
   * grant that issued a later token), plus failed requests for it (`error` set, nothing replaced);
   * oldest first. Each token request of the page is placed in one lineage at most.
   */
  refreshes: RefreshEvent[];
  /** Every token request placed in this lineage, including the sign-in that issued its first token; oldest first. */
  requests: RefreshEvent[];
  /**
   * Refresh tokens issued alongside this lineage's tokens (shown within it, oldest first). A refresh
   * token with no known sibling access or ID token forms a lineage of its own, of kind `refresh`.
   */
  refreshTokens: { fingerprint: string; firstSeenMs: number; expiresAtMs?: number }[];
  /** Spans when the page held no valid token of this lineage. */
  gaps: Gap[];
  /** Every step where the lifetime got shorter. */
  lifetimeShrank: { fingerprint: string; fromSeconds: number; toSeconds: number }[];
  /** Words about how the page refreshes this lineage (see refreshSummary). */
  refreshSummary: RefreshSummary;
}

export interface RefreshSummary {
  /** Requests that replaced a token. */
  refreshCount: number;
  /** Of those, how many came before the replaced token expired. */
  beforeExpiryCount: number;
  /** Median lead in seconds over refreshes with a known lead. */
  medianLeadSeconds?: number;
  /** Short sentences, each one finding: "refreshes 30 s before expiry (3 of 3)", "rotates its refresh token", … */
  sentences: string[];
}

export interface LifetimeStats {
  /** `iss:<issuer>` or `origin:<origin>`. */
  key: string;
  label: string;
  /** Access tokens seen in the group. */
  count: number;
  /** Tokens whose lifetime is known (the ones min/median/max are over). */
  knownCount: number;
  minSeconds?: number;
  medianSeconds?: number;
  maxSeconds?: number;
  /** Token requests that replaced a token in the group's lineages. */
  refreshEvents: number;
  /** Known lifetimes in order of first sighting, for a chart. */
  lifetimes: number[];
  /** Same, with the token each belongs to. */
  points: { fingerprint: string; firstSeenMs: number; lifetimeSeconds: number }[];
}

export interface Bucket {
  label: string;
  runs: number;
  passes: number;
}

export interface TestStats {
  origin: string;
  runs: number;
  passes: number;
  /** By seconds since the token was issued. Only non-empty buckets, in fixed order. */
  byAge: Bucket[];
  /** By seconds the token had left. Only non-empty buckets, in fixed order. */
  byTimeLeft: Bucket[];
  /** Failures by error kind. */
  failures: { kind: string; count: number }[];
  /** "first 5 min: 12/12; 5–15 min: 3/5". */
  ageWords: string;
  /** "over 15 min left: 8/8; last minute: 1/3; after expiry: 0/2". */
  timeLeftWords: string;
  /** Runs in time order, for a chart. */
  timeline: { at: number; outcome: TestRunRecord['outcome']; secondsLeft?: number; errorKind?: string }[];
}

export type HandOffFormat = 'env' | 'mcp-remote' | 'inspector-cli' | 'claude-desktop' | 'claude-code' | 'claude-api' | 'curl';

export interface HandOffInput {
  url: string;
  /** The real token ONLY when the user ticked "include the token"; otherwise the snippet says `<TOKEN>`. */
  token?: string;
  sendAs: 'bearer' | 'cf-access-token';
  /** Token expiry, unix seconds; undefined when unknown. */
  expiresAtSeconds?: number;
  nowMs: number;
  serverName?: string;
  /** No token goes with this server (a Worker without auth): the API and curl snippets then carry none. */
  withoutToken?: boolean;
}

export interface SessionReportInput {
  nowMs: number;
  lineages: Lineage[];
  lifetimeStats: LifetimeStats[];
  testStats: TestStats[];
  /** The last auth check, when one ran. */
  auth?: { url: string; report: AuthReport };
}
