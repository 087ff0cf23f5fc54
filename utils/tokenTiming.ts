import { expiryFacts, expiryStatus, remainingSeconds, type ExpiryFacts, type ExpiryStatus } from './expiry';
import type { TokenRow } from './tokenLedger';

export interface TokenTiming {
  facts: ExpiryFacts;
  status: ExpiryStatus;
  /** Undefined when the expiry is unknown. */
  remaining?: number;
}

/** Everything time-dependent about a row at one instant; the panel calls it once per row per tick. */
export function tokenTiming(row: TokenRow, nowMs: number, warningWindowSeconds: number): TokenTiming {
  const facts = expiryFacts(row.decoded, row.issuedExpiresAt);
  return {
    facts,
    status: expiryStatus(facts, nowMs, warningWindowSeconds),
    remaining: facts.expiresAt === undefined ? undefined : remainingSeconds(facts.expiresAt, nowMs),
  };
}

const ROLE_LABEL = { access: 'access token', id: 'ID token', refresh: 'refresh token' } as const;

/** "CF_Authorization cookie", "access token", "Authorization header"… what a person calls this token. */
export function tokenLabel(row: TokenRow): string {
  if (row.roles.includes('refresh')) return ROLE_LABEL.refresh;
  if (row.roles.includes('id')) return ROLE_LABEL.id;
  if (row.sources.includes('cookie') || row.sources.includes('set-cookie')) return `${row.names.find((n) => n !== 'pasted') ?? 'token'} cookie`;
  if (row.sources.includes('other-header')) return `${row.names[0]} header`;
  if (row.sources.includes('pasted') && row.sources.length === 1) return 'pasted token';
  return ROLE_LABEL.access;
}
