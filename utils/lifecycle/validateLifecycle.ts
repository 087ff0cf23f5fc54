import type { TestRunRecord, TokenRequestEvent } from './types';

/** Token requests and test runs kept per tab (the newest): hours of a page refreshing every few minutes. */
export const MAX_TOKEN_REQUESTS = 300;
export const MAX_TEST_RUNS = 500;

/**
 * Validators for lifecycle records arriving over a channel or from storage: each record is kept
 * only when every field the views read has its type, so a malformed one is dropped, not rendered.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (v: Record<string, unknown>, k: string): unknown => (Object.hasOwn(v, k) ? v[k] : undefined);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isShort = (v: unknown, max = 2048): v is string => typeof v === 'string' && v.length <= max;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function isTokenRequestEvent(v: unknown): v is TokenRequestEvent {
  if (!isRecord(v)) return false;
  const issued = own(v, 'issued');
  const error = own(v, 'error');
  const resources = own(v, 'resources');
  return (
    isShort(own(v, 'id')) &&
    isTime(own(v, 'at')) &&
    isShort(own(v, 'endpoint')) &&
    isShort(own(v, 'origin')) &&
    isShort(own(v, 'grantType'), 200) &&
    (own(v, 'bodyFormat') === 'form' || own(v, 'bodyFormat') === 'json') &&
    Array.isArray(resources) &&
    resources.length <= 16 &&
    resources.every((r) => isShort(r, 400)) &&
    typeof own(v, 'offlineAccessRequested') === 'boolean' &&
    optional(own(v, 'refreshTokenSent'), (x) => isShort(x, 64)) &&
    isTime(own(v, 'status')) &&
    optional(
      issued,
      (x) =>
        isRecord(x) && ['access', 'refresh', 'id'].every((k) => optional(own(x, k), (f) => isShort(f, 64))) && optional(own(x, 'expiresIn'), isFiniteNumber),
    ) &&
    optional(error, (x) => isRecord(x) && isShort(own(x, 'code'), 80) && optional(own(x, 'description'), (d) => isShort(d, 400)))
  );
}

export function isTestRunRecord(v: unknown): v is TestRunRecord {
  if (!isRecord(v)) return false;
  return (
    isTime(own(v, 'at')) &&
    isShort(own(v, 'origin')) &&
    (own(v, 'outcome') === 'pass' || own(v, 'outcome') === 'fail') &&
    optional(own(v, 'errorKind'), (x) => isShort(x, 40)) &&
    optional(own(v, 'tokenFingerprint'), (x) => isShort(x, 64)) &&
    optional(own(v, 'tokenSecondsLeft'), isFiniteNumber) &&
    optional(own(v, 'tokenAgeSeconds'), isFiniteNumber)
  );
}

/** The valid records of a list that came from outside; anything but an array is an empty list. */
export function validRecords<T>(list: unknown, check: (v: unknown) => v is T, max: number): T[] {
  return Array.isArray(list) ? list.filter(check).slice(-max) : [];
}
