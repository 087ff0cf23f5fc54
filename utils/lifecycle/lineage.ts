import type { TokenRow } from '../capture/tokenLedger';
import { claimsOf } from '../tokens/decodeToken';
import { expiryFacts } from '../tokens/expiry';
import { rotationKey } from '../tokens/rotation';
import { diffClaims } from './claimDiff';
import type { Gap, Lineage, LineageKind, LineageToken, RefreshEvent } from './model';
import { isFailure, refreshEventOf, refreshSummary } from './refreshBehaviour';
import type { TokenRequestEvent } from './types';
import { clip, durationWords, plural } from './words';

/** Shorter spans between two tokens are the refresh's own round trip, not a time without a token. */
const MIN_GAP_MS = 1000;
/** `iat` this far after the first sighting means the issuer's clock runs ahead of this computer's. */
const CLOCK_AHEAD_MS = 60_000;
/** `iat` this far before a fresh token response means the issuer's clock runs behind. */
const CLOCK_BEHIND_MS = 5 * 60_000;
const KIND_ORDER: Record<LineageKind, number> = { access: 0, id: 1, refresh: 2 };

interface Identity {
  key: string;
  kind: LineageKind;
  label: string;
  issuer?: string;
  cookieName?: string;
}

interface Draft {
  identity: Identity;
  rows: TokenRow[];
  refreshRows: TokenRow[];
  requests: TokenRequestEvent[];
}

/**
 * The lineages of the captured tokens: access lineages first, then ID-token lineages, then refresh
 * tokens that belong to no access or ID lineage; each group oldest first.
 *
 * A lineage is the tokens that replace one another: the same origin, issuer and subject (and kind
 * and carrier) for JWTs — exactly `rotationKey`, so the lineage and the rows' "rotated" mark agree —
 * else the same token endpoint, else (tokens whose issuing response the panel never saw) the same
 * origin, kind and carrier. Pasted tokens belong to none. Tokens are ordered by first sighting on
 * this computer's clock, so a token re-seen after its successor stays where it was and an issuer
 * whose clock is off cannot reorder them.
 */
export function buildLineages(rows: TokenRow[], requests: TokenRequestEvent[], nowMs: number): Lineage[] {
  const drafts = new Map<string, Draft>();
  const draftOfToken = new Map<string, Draft>();
  const ordered = [...rows].sort(bySighting);
  const requestList = uniqueRequests(requests);
  const issuerOf = issuingRequests(requestList);

  const refreshRows: TokenRow[] = [];
  for (const row of ordered) {
    const identity = lineageIdentity(row);
    if (!identity) continue;
    if (identity.kind === 'refresh') {
      refreshRows.push(row);
      continue;
    }
    const draft = drafts.get(identity.key) ?? { identity, rows: [], refreshRows: [], requests: [] };
    draft.rows.push(row);
    drafts.set(identity.key, draft);
    draftOfToken.set(row.fingerprint, draft);
  }
  // A refresh token is shown within the lineage of the token issued beside it; alone otherwise.
  for (const row of refreshRows) {
    const sibling = siblingOf(row, issuerOf.get(row.fingerprint), ordered);
    const home = sibling ? draftOfToken.get(sibling) : undefined;
    if (home) {
      home.refreshRows.push(row);
    } else {
      const identity = lineageIdentity(row)!;
      const draft = drafts.get(identity.key) ?? { identity, rows: [], refreshRows: [], requests: [] };
      draft.rows.push(row);
      drafts.set(identity.key, draft);
    }
    draftOfToken.set(row.fingerprint, home ?? drafts.get(lineageIdentity(row)!.key)!);
  }
  for (const request of requestList) {
    const draft = placeRequest(request, draftOfToken, [...drafts.values()]);
    draft?.requests.push(request);
  }

  return [...drafts.values()]
    .map((draft) => finish(draft, issuerOf, nowMs))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.tokens[0].firstSeenMs - b.tokens[0].firstSeenMs || (a.key < b.key ? -1 : 1));
}

/** The lineage a row belongs to, or undefined for a pasted token. */
export function lineageIdentity(row: TokenRow): Identity | undefined {
  if (row.sources.length === 0 || row.sources.every((s) => s === 'pasted')) return undefined;
  const kind: LineageKind = row.roles.includes('refresh') ? 'refresh' : row.roles.includes('id') ? 'id' : 'access';
  const claims = claimsOf(row.decoded);
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const rotation = rotationKey(row);
  // A session cookie and the bearer tokens of one issuer and subject are separate lineages: the label says which is which.
  const cookieName = row.sources.includes('cookie') || row.sources.includes('set-cookie') ? (row.names[0] ?? '') : undefined;
  if (rotation !== undefined && row.decoded.kind === 'jwt') {
    const label = [iss, sub].filter((p) => p !== undefined && p !== '').map((p) => clip(p!, 120));
    if (cookieName !== undefined) label.push(`${clip(cookieName, 60)} cookie`);
    return {
      key: rotation,
      kind,
      label: label.join(' · ') || 'JWT without iss or sub',
      ...(iss ? { issuer: iss } : {}),
      ...(cookieName !== undefined ? { cookieName } : {}),
    };
  }
  if (row.issuedBy) return { key: `issued|${row.issuedBy}|${kind}`, kind, label: clip(row.issuedBy, 200), ...(iss ? { issuer: iss } : {}) };
  const carrier = cookieName !== undefined ? `cookie:${cookieName}` : 'bearer';
  const origin = row.origins[0] ?? '';
  const carrierWords = cookieName === undefined ? 'bearer' : `${clip(cookieName, 60)} cookie`;
  return {
    key: `seen|${origin}|${kind}|${carrier}`,
    kind,
    label: `${clip(origin, 200)} · ${carrierWords}`,
    ...(iss ? { issuer: iss } : {}),
    ...(cookieName !== undefined ? { cookieName } : {}),
  };
}

function finish(draft: Draft, issuerOf: Map<string, TokenRequestEvent>, nowMs: number): Lineage {
  const { identity, rows } = draft;
  const tokens = rows.map((row) => lineageToken(row, issuerOf.get(row.fingerprint)));
  const requestsInLineage = new Set(draft.requests.map((r) => r.id));
  for (let i = 1; i < tokens.length; i++) {
    tokens[i].changes = diffClaims(snapshotOf(rows[i - 1], tokens[i - 1]), snapshotOf(rows[i], tokens[i]));
    const issuing = issuerOf.get(tokens[i].fingerprint);
    tokens[i - 1].replacedBy = { fingerprint: tokens[i].fingerprint, ...(issuing && requestsInLineage.has(issuing.id) ? { requestId: issuing.id } : {}) };
  }

  const requests: RefreshEvent[] = [];
  const refreshes: RefreshEvent[] = [];
  let sameTokenReturned = 0;
  for (const request of draft.requests) {
    const issuedFp = issuedFor(identity.kind, request);
    const index = issuedFp === undefined ? -1 : tokens.findIndex((t) => t.fingerprint === issuedFp);
    const firstIssue = index >= 0 && issuerOf.get(issuedFp!)?.id === request.id;
    // A request that issued a lineage token replaced the one before it; any other (failed, unread,
    // or handing back a token already held) is measured against the token current at its time.
    const replaced = firstIssue ? (index > 0 ? tokens[index - 1] : undefined) : currentAt(tokens, request.at);
    if (index >= 0 && !firstIssue) sameTokenReturned++;
    const event = refreshEventOf(request, replaced, index >= 0 ? issuedFp : undefined);
    requests.push(event);
    const failed = isFailure(request);
    const isRefresh = failed
      ? request.grantType === 'refresh_token' || replaced !== undefined
      : event.replacedFingerprint !== undefined || request.grantType === 'refresh_token';
    if (isRefresh) refreshes.push(event);
  }

  const summary = refreshSummary(refreshes, requests);
  if (requests.length === 0 && tokens.length > 1) {
    summary.sentences = [
      `renewed ${plural(tokens.length - 1, 'time')} without a token request the panel saw (a cookie, another tab, or before DevTools opened)`,
    ];
  }
  if (sameTokenReturned > 0) summary.sentences.push(`the token endpoint handed back a token the page already held (${plural(sameTokenReturned, 'time')})`);

  const lifetimeShrank = tokens.flatMap((t) =>
    t.changes
      .filter((c) => c.claim === 'lifetime' && c.shrank)
      .map(() => ({ fingerprint: t.fingerprint, fromSeconds: previousLifetime(tokens, t), toSeconds: t.lifetimeSeconds! })),
  );
  const first = rows[0];
  const endpoint = rows.find((r) => r.issuedBy)?.issuedBy;
  return {
    key: identity.key,
    label: identity.label,
    origin: first.origins[0] ?? '',
    kind: identity.kind,
    ...(identity.issuer !== undefined ? { issuer: identity.issuer } : {}),
    ...(identity.cookieName !== undefined ? { cookieName: identity.cookieName } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    tokens,
    refreshes,
    requests,
    refreshTokens: draft.refreshRows.map((r) => ({ fingerprint: r.fingerprint, firstSeenMs: r.firstSeen, ...expiresAtMsOf(r) })),
    gaps: gapsOf(tokens, nowMs),
    lifetimeShrank,
    refreshSummary: summary,
  };
}

function lineageToken(row: TokenRow, issuing: TokenRequestEvent | undefined): LineageToken {
  const facts = expiryFacts(row.decoded, row.issuedExpiresAt);
  const token: LineageToken = { fingerprint: row.fingerprint, firstSeenMs: row.firstSeen, lastSeenMs: row.lastSeen, changes: [] };
  const fromResponse = row.sources.includes('token-response');
  if (facts.issuedAt !== undefined) token.issuedAtMs = facts.issuedAt * 1000;
  else if (issuing) token.issuedAtMs = issuing.at;
  else if (fromResponse) token.issuedAtMs = row.firstSeen;
  const lifetime = lifetimeOf(row, facts, issuing);
  if (lifetime !== undefined) token.lifetimeSeconds = lifetime;
  const requestedAtMs = issuing?.at ?? (fromResponse ? row.firstSeen : undefined);
  if (facts.source === 'expires-in' && lifetime !== undefined && requestedAtMs !== undefined) {
    // The ledger keeps whole seconds; the request time in ms + expires_in is what the page's own
    // client counts from, so its refresh lead comes out as configured rather than a second short.
    token.expiresAtMs = requestedAtMs + lifetime * 1000;
  } else if (facts.expiresAt !== undefined) token.expiresAtMs = facts.expiresAt * 1000;
  const note = clockNote(facts.issuedAt, row.firstSeen, fromResponse);
  if (note) token.clockNote = note;
  return token;
}

/** `exp − iat` for a JWT; else the issuing response's `expires_in`; else undefined. */
function lifetimeOf(row: TokenRow, facts: ReturnType<typeof expiryFacts>, issuing: TokenRequestEvent | undefined): number | undefined {
  if (facts.source === 'exp-claim' && facts.issuedAt !== undefined) return facts.expiresAt! - facts.issuedAt;
  if (issuing?.issued?.access === row.fingerprint && issuing.issued.expiresIn !== undefined) return issuing.issued.expiresIn;
  // The ledger stores the response's request time (whole seconds) + expires_in; the response is the first sighting.
  if (row.issuedExpiresAt !== undefined && row.sources.includes('token-response')) return row.issuedExpiresAt - Math.floor(row.firstSeen / 1000);
  return undefined;
}

function clockNote(issuedAt: number | undefined, firstSeenMs: number, fromResponse: boolean): string | undefined {
  if (issuedAt === undefined) return undefined;
  const delta = issuedAt * 1000 - firstSeenMs;
  if (delta > CLOCK_AHEAD_MS) {
    return `issued (iat) ${durationWords(delta / 1000)} after the panel first saw it: the issuer's clock is ahead of this computer's, or this computer's is behind`;
  }
  if (fromResponse && -delta > CLOCK_BEHIND_MS) {
    return `issued (iat) ${durationWords(-delta / 1000)} before its token response arrived: the issuer's clock is behind this computer's, or this computer's is ahead`;
  }
  return undefined;
}

function snapshotOf(row: TokenRow, token: LineageToken) {
  return {
    claims: claimsOf(row.decoded),
    ...(token.lifetimeSeconds !== undefined ? { lifetimeSeconds: token.lifetimeSeconds } : {}),
    ...(row.scope ? { scope: row.scope } : {}),
  };
}

function previousLifetime(tokens: LineageToken[], t: LineageToken): number {
  const i = tokens.indexOf(t);
  return tokens[i - 1].lifetimeSeconds!;
}

function expiresAtMsOf(row: TokenRow): { expiresAtMs?: number } {
  const expiresAt = expiryFacts(row.decoded, row.issuedExpiresAt).expiresAt;
  return expiresAt === undefined ? {} : { expiresAtMs: expiresAt * 1000 };
}

/**
 * Spans when the page held no valid token of the lineage, from its first token to now. A token is
 * held from its first sighting to its expiry; one with an unknown expiry counts as held until the
 * next token arrives (or now), so no gap is claimed that the panel cannot see.
 */
function gapsOf(tokens: LineageToken[], nowMs: number): Gap[] {
  const gaps: Gap[] = [];
  if (tokens.length === 0) return gaps;
  let coveredUntil = tokens[0].firstSeenMs;
  tokens.forEach((t, i) => {
    if (t.firstSeenMs - coveredUntil >= MIN_GAP_MS) gaps.push({ fromMs: coveredUntil, toMs: t.firstSeenMs });
    const end = t.expiresAtMs ?? (i + 1 < tokens.length ? tokens[i + 1].firstSeenMs : nowMs);
    coveredUntil = Math.max(coveredUntil, t.firstSeenMs, end);
  });
  if (nowMs - coveredUntil >= MIN_GAP_MS) gaps.push({ fromMs: coveredUntil, toMs: nowMs, open: true });
  return gaps;
}

/** The newest lineage token first seen at or before `atMs`. */
function currentAt(tokens: LineageToken[], atMs: number): LineageToken | undefined {
  let current: LineageToken | undefined;
  for (const t of tokens) if (t.firstSeenMs <= atMs) current = t;
  return current;
}

function issuedFor(kind: LineageKind, request: TokenRequestEvent): string | undefined {
  return kind === 'refresh' ? request.issued?.refresh : kind === 'id' ? request.issued?.id : request.issued?.access;
}

/**
 * Each request goes to one lineage: the one of the access token it issued, else of its ID token,
 * else of its refresh token, else of the refresh token it sent (a failed refresh), else the newest
 * lineage whose tokens came from the same endpoint.
 */
function placeRequest(request: TokenRequestEvent, draftOfToken: Map<string, Draft>, drafts: Draft[]): Draft | undefined {
  for (const fp of [request.issued?.access, request.issued?.id, request.issued?.refresh, request.refreshTokenSent]) {
    const draft = fp === undefined ? undefined : draftOfToken.get(fp);
    if (draft) return draft;
  }
  const sameEndpoint = drafts.filter((d) => d.rows.some((r) => r.issuedBy === request.endpoint));
  return sameEndpoint.sort((a, b) => KIND_ORDER[a.identity.kind] - KIND_ORDER[b.identity.kind] || lastSeen(b) - lastSeen(a))[0];
}

function lastSeen(draft: Draft): number {
  return Math.max(...draft.rows.map((r) => r.lastSeen));
}

/** The access or ID token issued in the same response as this refresh token. */
function siblingOf(row: TokenRow, issuing: TokenRequestEvent | undefined, rows: TokenRow[]): string | undefined {
  if (issuing?.issued?.refresh === row.fingerprint) {
    const sibling = issuing.issued.access ?? issuing.issued.id;
    if (sibling !== undefined) return sibling;
  }
  if (!row.issuedBy || row.issuedWith.length === 0) return undefined;
  // Without the request record: the tokens of one response share its endpoint and its time.
  const same = rows.filter((r) => r !== row && r.issuedBy === row.issuedBy && r.firstSeen === row.firstSeen && !r.roles.includes('refresh'));
  return (same.find((r) => r.roles.includes('access')) ?? same[0])?.fingerprint;
}

/** Fingerprint → the first request that issued it (any role). */
function issuingRequests(requests: TokenRequestEvent[]): Map<string, TokenRequestEvent> {
  const map = new Map<string, TokenRequestEvent>();
  for (const r of requests) {
    if (isFailure(r)) continue;
    for (const fp of [r.issued?.access, r.issued?.id, r.issued?.refresh]) if (fp !== undefined && !map.has(fp)) map.set(fp, r);
  }
  return map;
}

/** Oldest first, each id once: a HAR entry delivered twice is one request. */
function uniqueRequests(requests: TokenRequestEvent[]): TokenRequestEvent[] {
  const seen = new Set<string>();
  return [...requests].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

function bySighting(a: TokenRow, b: TokenRow): number {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen - b.firstSeen;
  const ia = expiryFacts(a.decoded, a.issuedExpiresAt).issuedAt ?? 0;
  const ib = expiryFacts(b.decoded, b.issuedExpiresAt).issuedAt ?? 0;
  if (ia !== ib) return ia - ib;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}
