import type { TokenRow } from './tokenLedger';

/**
 * Rows as they can cross to the panel (structured clone) and into storage.session. A row that
 * cannot be cloned — a hostile token decoded into something too deep or too large — is replaced by
 * one that keeps everything known about where the token was seen and says why its content is not
 * shown, so one bad token never stops the others from arriving.
 */
export function transferableRows(rows: readonly TokenRow[], clone: (row: TokenRow) => unknown = structuredClone): TokenRow[] {
  return rows.map((row) => {
    try {
      clone(row);
      return row;
    } catch (error) {
      return untransferableRow(row, error);
    }
  });
}

function untransferableRow(row: TokenRow, error: unknown): TokenRow {
  const why = error instanceof RangeError ? 'too deeply nested' : 'not representable';
  return {
    fingerprint: row.fingerprint,
    value: typeof row.value === 'string' ? row.value : '',
    decoded: {
      kind: 'malformed',
      reason: `This token's decoded content is ${why} to show; it is listed with where it was seen.`,
      warnings: [],
    },
    sources: [...row.sources],
    origins: [...row.origins],
    names: [...row.names],
    roles: [...row.roles],
    count: row.count,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    issuedExpiresAt: row.issuedExpiresAt,
    issuedBy: row.issuedBy,
    tokenType: row.tokenType,
    issuedWith: [...row.issuedWith],
  };
}
