import { expiryFacts } from '../tokens/expiry';
import type { TokenRow } from '../capture/tokenLedger';
import { tokenKindWord } from '../tokens/tokenTiming';
import { findRotations } from '../tokens/rotation';
import { MAX_HOST_LENGTH, MAX_SCHEDULED_TOKENS, isSaneExpiresAt, isSaneLifetime } from './scheduleMessage';

/**
 * What the background learns about a token: enough to warn, nothing to use it. Never the value.
 */
export interface TrackedToken {
  fingerprint: string;
  /** "portal.example.com · JWT access token": a place (see `host`) and fixed words, nothing else. */
  label: string;
  /** host[:port] of a web origin the token went to, or a fixed word: "this page", "pasted token". */
  host: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Seconds from issue to expiry, when known (for share-of-lifetime warnings). */
  lifetime?: number;
}

/**
 * The tokens of one tab that deserve warnings: known expiry, not refresh tokens, not rotated away.
 * Expired ones stay (the badge says "exp" for as long as the panel says "expired"); the schedule
 * decides what is still worth a notification.
 */
export function trackedTokensFor(rows: TokenRow[]): TrackedToken[] {
  const rotated = findRotations(rows);
  const tracked: TrackedToken[] = [];
  for (const row of rows) {
    if (rotated.has(row.fingerprint) || row.decoded.kind === 'malformed') continue;
    if (row.roles.includes('refresh') && !row.roles.includes('access')) continue;
    const facts = expiryFacts(row.decoded, row.issuedExpiresAt);
    if (!isSaneExpiresAt(facts.expiresAt)) continue;
    const lifetime =
      facts.issuedAt !== undefined
        ? facts.expiresAt - facts.issuedAt
        : row.issuedExpiresAt !== undefined
          ? row.issuedExpiresAt - Math.floor(row.firstSeen / 1000)
          : undefined;
    const place = warningPlace(row);
    const word = tokenKindWord(row);
    tracked.push({
      fingerprint: row.fingerprint,
      label: word === place ? `${place} · ${KIND_WORD[row.decoded.kind]}` : `${place} · ${KIND_WORD[row.decoded.kind]} ${word}`,
      host: place,
      expiresAt: facts.expiresAt,
      ...(isSaneLifetime(lifetime) ? { lifetime } : {}),
    });
  }
  // The ledger keeps at most as many rows; should that change, the soonest to expire matter most.
  const kept = tracked.length > MAX_SCHEDULED_TOKENS ? [...tracked].sort((a, b) => a.expiresAt - b.expiresAt).slice(0, MAX_SCHEDULED_TOKENS) : tracked;
  return kept.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

const KIND_WORD = { jwt: 'JWT', jwe: 'JWE', opaque: 'opaque', malformed: 'malformed' } as const;

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Where a notification says the token is from: the host of the latest web origin it went to, or a
 * fixed word. Never a path, query, fragment or user name, and never a data:, blob: or javascript:
 * URL — those can hold the token itself.
 */
export function warningPlace(row: Pick<TokenRow, 'origins' | 'sources'>): string {
  for (let i = row.origins.length - 1; i >= 0; i--) {
    const host = webHostOf(row.origins[i]);
    if (host !== undefined) return host;
  }
  return row.sources.length === 1 && row.sources[0] === 'pasted' ? 'pasted token' : 'this page';
}

/** host[:port] of an http(s)/ws(s) URL or origin; undefined for anything else. */
export function webHostOf(origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  // URL.host is the host name and a non-default port: user info, path, query and fragment are not part of it.
  if (!WEB_SCHEMES.has(url.protocol) || url.hostname === '' || url.host.length > MAX_HOST_LENGTH) return undefined;
  return url.host;
}
