import type { TokenRow } from '../capture/tokenLedger';

/** Newest token first, by when it was first seen: rows do not jump around as traffic repeats them. */
export function sortRows(rows: TokenRow[]): TokenRow[] {
  return [...rows].sort((a, b) => b.firstSeen - a.firstSeen || a.fingerprint.localeCompare(b.fingerprint));
}

/** Applies changed rows (new or updated) to the panel's list. */
export function mergeRows(current: TokenRow[], changed: TokenRow[]): TokenRow[] {
  if (changed.length === 0) return current;
  const byFingerprint = new Map(current.map((r) => [r.fingerprint, r]));
  for (const row of changed) byFingerprint.set(row.fingerprint, row);
  return sortRows([...byFingerprint.values()]);
}

/** Keeps the selection while its row exists; otherwise falls back to the newest row, so the detail is never blank. */
export function resolveSelection(rows: TokenRow[], selected: string | undefined): string | undefined {
  if (selected && rows.some((r) => r.fingerprint === selected)) return selected;
  return rows[0]?.fingerprint;
}

/** Rows whose label, kind, status, origin, claim subject or fingerprint contain every word typed. */
export function filterRows(rows: TokenRow[], query: string, describe: (row: TokenRow) => string): TokenRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack =
      `${describe(row)} ${row.decoded.kind} ${row.sources.join(' ')} ${row.origins.join(' ')} ${row.names.join(' ')} ${row.fingerprint}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
