import type { TokenRow } from '../capture/tokenLedger';
import { claimsOf } from './decodeToken';
import { expiryFacts } from './expiry';

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
