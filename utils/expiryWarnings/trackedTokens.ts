import { expiryFacts } from '../expiry';
import { claimsOf } from '../decodeToken';
import type { TokenRow } from '../tokenLedger';
import { tokenLabel } from '../tokenTiming';

/**
 * What the background learns about a token: enough to warn, nothing to use it. Never the value.
 */
export interface TrackedToken {
  fingerprint: string;
  /** "portal.example.com · JWT access token" */
  label: string;
  host: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Seconds from issue to expiry, when known (for share-of-lifetime warnings). */
  lifetime?: number;
}

/** Rows replaced by a newer token of the same kind from the same place: fingerprint → replacing fingerprint. */
export function findRotations(rows: TokenRow[]): Map<string, string> {
  const groups = new Map<string, { row: TokenRow; expiresAt: number }[]>();
  for (const row of rows) {
    const expiresAt = expiryFacts(row.decoded, row.issuedExpiresAt).expiresAt;
    const key = rotationKey(row);
    if (expiresAt === undefined || key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), { row, expiresAt }]);
  }
  const rotated = new Map<string, string>();
  for (const members of groups.values()) {
    for (const m of members) {
      // Replaced only by a token that came later AND lives longer; a later short-lived token replaces nothing.
      const successors = members.filter((c) => c.row.firstSeen > m.row.firstSeen && c.expiresAt > m.expiresAt);
      if (successors.length === 0) continue;
      const latest = successors.reduce((a, b) => (b.row.firstSeen > a.row.firstSeen ? b : a));
      rotated.set(m.row.fingerprint, latest.row.fingerprint);
    }
  }
  return rotated;
}

/**
 * Same origin and subject/issuer (JWTs), or same token endpoint (opaque tokens from a token
 * response), and the same kind of token: a later one of these replaces an earlier one.
 */
export function rotationKey(row: TokenRow): string | undefined {
  if (row.sources.length === 1 && row.sources[0] === 'pasted') return undefined;
  const role = row.roles.includes('refresh') ? 'refresh' : row.roles.includes('id') ? 'id' : 'access';
  const carrier = row.sources.includes('cookie') || row.sources.includes('set-cookie') ? `cookie:${row.names[0] ?? ''}` : 'bearer';
  const origin = row.origins[0] ?? '';
  if (row.decoded.kind === 'jwt') {
    const claims = claimsOf(row.decoded);
    if (typeof claims.sub !== 'string' && typeof claims.iss !== 'string') return undefined;
    return `jwt|${origin}|${String(claims.iss ?? '')}|${String(claims.sub ?? '')}|${role}|${carrier}`;
  }
  if (row.issuedBy) return `issued|${row.issuedBy}|${role}`;
  return undefined;
}

/** The tokens of one tab that deserve warnings: known expiry, not refresh tokens, not rotated away, not long dead. */
export function trackedTokensFor(rows: TokenRow[], nowMs: number): TrackedToken[] {
  const rotated = findRotations(rows);
  const tracked: TrackedToken[] = [];
  for (const row of rows) {
    if (rotated.has(row.fingerprint) || row.decoded.kind === 'malformed') continue;
    if (row.roles.includes('refresh') && !row.roles.includes('access')) continue;
    const facts = expiryFacts(row.decoded, row.issuedExpiresAt);
    if (facts.expiresAt === undefined || facts.expiresAt < nowMs / 1000 - 3600) continue;
    const host = hostOf(row.origins.at(-1) ?? '');
    const lifetime =
      facts.issuedAt !== undefined
        ? facts.expiresAt - facts.issuedAt
        : row.issuedExpiresAt !== undefined
          ? row.issuedExpiresAt - Math.floor(row.firstSeen / 1000)
          : undefined;
    tracked.push({
      fingerprint: row.fingerprint,
      label: `${host} · ${row.decoded.kind === 'jwt' ? 'JWT' : row.decoded.kind} ${tokenLabel(row)}`,
      host,
      expiresAt: facts.expiresAt,
      ...(lifetime !== undefined && lifetime > 0 ? { lifetime } : {}),
    });
  }
  return tracked.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host || origin;
  } catch {
    return origin;
  }
}
