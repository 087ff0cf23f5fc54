import type { Lineage, LifetimeStats } from './model';

/**
 * Lifetime statistics of ACCESS tokens per issuer (JWT `iss`) or, without one, per origin of the
 * token endpoint (else where the tokens were first seen). ID and refresh tokens are left out: their
 * lifetimes answer a different question and would blur "how long does my access token live".
 */
export function lifetimeStats(lineages: Lineage[]): LifetimeStats[] {
  const groups = new Map<string, { label: string; lineages: Lineage[] }>();
  for (const lineage of lineages) {
    if (lineage.kind !== 'access') continue;
    const { key, label } = groupOf(lineage);
    const group = groups.get(key) ?? { label, lineages: [] };
    group.lineages.push(lineage);
    groups.set(key, group);
  }
  const all = [...groups].map(([key, group]) => {
    const tokens = group.lineages.flatMap((l) => l.tokens).sort((a, b) => a.firstSeenMs - b.firstSeenMs || (a.fingerprint < b.fingerprint ? -1 : 1));
    const points = tokens.flatMap((t) =>
      t.lifetimeSeconds !== undefined && Number.isFinite(t.lifetimeSeconds)
        ? [{ fingerprint: t.fingerprint, firstSeenMs: t.firstSeenMs, lifetimeSeconds: t.lifetimeSeconds }]
        : [],
    );
    const lifetimes = points.map((p) => p.lifetimeSeconds);
    const stats: LifetimeStats = {
      key,
      label: group.label,
      count: tokens.length,
      knownCount: lifetimes.length,
      refreshEvents: group.lineages.reduce((n, l) => n + l.refreshes.filter((e) => e.error === undefined).length, 0),
      lifetimes,
      points,
    };
    if (lifetimes.length > 0) {
      stats.minSeconds = Math.min(...lifetimes);
      stats.maxSeconds = Math.max(...lifetimes);
      stats.medianSeconds = median(lifetimes);
    }
    return stats;
  });
  // Most tokens first: the issuer the page mostly talks to leads.
  return all.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * Issuer (else origin), and for cookie lineages the cookie too: a day-long session cookie of the same
 * issuer must not blur "how long does my access token live".
 */
function groupOf(lineage: Lineage): { key: string; label: string } {
  const cookie = lineage.cookieName !== undefined ? { key: `|cookie:${lineage.cookieName}`, label: ` · ${lineage.cookieName} cookie` } : { key: '', label: '' };
  if (lineage.issuer !== undefined && lineage.issuer !== '') return { key: `iss:${lineage.issuer}${cookie.key}`, label: `${lineage.issuer}${cookie.label}` };
  const origin = lineage.endpoint ? originOf(lineage.endpoint) : lineage.origin;
  return { key: `origin:${origin}${cookie.key}`, label: `${origin}${cookie.label}` };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Median of a list (mean of the two middle values for an even count); undefined when empty. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
