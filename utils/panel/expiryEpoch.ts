import type { TokenRow } from '../capture/tokenLedger';
import { expiryFacts } from '../tokens/expiry';

/**
 * The moments (ms, sorted) at which a row's status can change on its own: its expiry and its
 * not-before time. Between two of them every token's status stays the same.
 */
export function statusChangeTimesMs(rows: readonly TokenRow[]): number[] {
  const times: number[] = [];
  for (const row of rows) {
    const facts = expiryFacts(row.decoded, row.issuedExpiresAt);
    if (facts.expiresAt !== undefined) times.push(facts.expiresAt * 1000);
    if (facts.notBefore !== undefined) times.push(facts.notBefore * 1000);
  }
  return times.sort((a, b) => a - b);
}

/**
 * A clock value that gives every token the status it has at `nowMs`, but changes only when one of
 * the change times passes: the last change time passed (0 before the first). A view that depends on
 * token status, not on seconds left, can follow it instead of re-rendering on every tick.
 */
export function statusClock(sortedTimesMs: readonly number[], nowMs: number): number {
  let lo = 0;
  let hi = sortedTimesMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTimesMs[mid] <= nowMs) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : sortedTimesMs[lo - 1];
}
