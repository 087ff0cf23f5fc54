import type { DecodedToken } from './decodeToken';
import { claimsOf } from './decodeToken';

export type ExpiryStatus = 'valid' | 'expiring' | 'expired' | 'not-yet-valid' | 'unknown';

export type ExpirySource = 'exp-claim' | 'expires-in' | 'none';

export interface ExpiryFacts {
  /** Unix seconds, integer; undefined when nothing tells us. */
  expiresAt?: number;
  notBefore?: number;
  issuedAt?: number;
  source: ExpirySource;
}

export const DEFAULT_WARNING_WINDOW_SECONDS = 5 * 60;

/**
 * Where a token's expiry comes from: a JWT's own `exp` wins; otherwise the `expires_in` of the
 * token response that issued it; otherwise nothing — and the panel says "unknown" rather than guessing.
 */
export function expiryFacts(decoded: DecodedToken, issuedExpiresAt?: number): ExpiryFacts {
  const claims = claimsOf(decoded);
  const exp = numericDate(claims.exp);
  const notBefore = numericDate(claims.nbf);
  const issuedAt = numericDate(claims.iat);
  if (exp !== undefined) return { expiresAt: exp, notBefore, issuedAt, source: 'exp-claim' };
  if (issuedExpiresAt !== undefined) return { expiresAt: issuedExpiresAt, notBefore, issuedAt, source: 'expires-in' };
  return { notBefore, issuedAt, source: 'none' };
}

function numericDate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : undefined;
}

/**
 * Status at `nowMs`. A token is expired from the second its `exp` names (RFC 7519 §4.1.4). Only the
 * times matter, so the background (which knows a token's expiry and nothing else) calls this too:
 * the badge and the panel cannot disagree about "expiring".
 */
export function expiryStatus(facts: Partial<ExpiryFacts>, nowMs: number, warningWindowSeconds = DEFAULT_WARNING_WINDOW_SECONDS): ExpiryStatus {
  if (facts.notBefore !== undefined && nowMs < facts.notBefore * 1000) return 'not-yet-valid';
  if (facts.expiresAt === undefined) return 'unknown';
  if (nowMs >= facts.expiresAt * 1000) return 'expired';
  if (nowMs >= expiringFromMs(facts.expiresAt, warningWindowSeconds)) return 'expiring';
  return 'valid';
}

/** The instant (ms) a token enters the warning window: from then on `expiryStatus` says "expiring". */
export function expiringFromMs(expiresAt: number, warningWindowSeconds: number): number {
  return (expiresAt - warningWindowSeconds) * 1000;
}

/** Whole seconds left, negative once expired; computed from the clock each time so it never drifts. */
export function remainingSeconds(expiresAt: number, nowMs: number): number {
  return Math.floor(expiresAt - nowMs / 1000);
}

/** "4 m 12 s", "2 h 5 m", "3 d 4 h": two units at most, because more is noise on a countdown. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} m` : `${hours} h`;
  if (minutes > 0) return `${minutes} m ${seconds} s`;
  return `${seconds} s`;
}

/** "4 m 12 s left" or "expired 3 m ago", from the seconds left (negative once expired). */
export function timeLeftWords(remainingSeconds: number): string {
  return remainingSeconds > 0 ? `${formatDuration(remainingSeconds)} left` : `expired ${formatDuration(remainingSeconds)} ago`;
}

/** "in 4 m 12 s" or "3 m ago" relative to now. */
export function formatRelative(atSeconds: number, nowMs: number): string {
  // Floor, like remainingSeconds, so "in 4 m 58 s" here always matches the countdown beside it.
  const delta = Math.floor(atSeconds - nowMs / 1000);
  if (delta === 0) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

export function formatUtc(atSeconds: number): string {
  const date = new Date(atSeconds * 1000);
  return Number.isNaN(date.getTime()) ? 'not a valid date' : date.toISOString().replace('.000Z', 'Z');
}

export function formatLocal(atSeconds: number): string {
  const date = new Date(atSeconds * 1000);
  return Number.isNaN(date.getTime()) ? 'not a valid date' : date.toLocaleString();
}
