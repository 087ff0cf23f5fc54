import { expiryFacts, expiryStatus, remainingSeconds, type ExpiryFacts, type ExpiryStatus } from './expiry';
import type { TokenRow } from '../capture/tokenLedger';

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

/** What a token is, in fixed words only: nothing the page chose, so it may go anywhere (a notification, the background). */
export type TokenKindWord = 'refresh token' | 'ID token' | 'cookie' | 'header' | 'pasted token' | 'access token';

export function tokenKindWord(row: TokenRow): TokenKindWord {
  if (row.roles.includes('refresh')) return 'refresh token';
  if (row.roles.includes('id')) return 'ID token';
  if (row.sources.includes('cookie') || row.sources.includes('set-cookie')) return 'cookie';
  if (row.sources.includes('other-header')) return 'header';
  if (row.sources.includes('pasted') && row.sources.length === 1) return 'pasted token';
  return 'access token';
}

/**
 * "CF_Authorization cookie", "access token", "X-Auth-Token header"… what a person calls this token in
 * the panel. Cookie and header names come from the page: they stay in the panel (rendered as text)
 * and never reach the background, which gets `tokenKindWord` instead.
 */
export function tokenLabel(row: TokenRow): string {
  const word = tokenKindWord(row);
  // "pasted" is the name the paste box gives; it is not a cookie or header name.
  const name = row.names.find((n) => n !== 'pasted');
  if (word === 'cookie') return `${name ?? 'token'} cookie`;
  if (word === 'header') return name ? `${name} header` : 'token header';
  return word;
}
