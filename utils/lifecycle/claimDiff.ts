import type { ClaimChange, ClaimSnapshot } from './model';

/** What changed between two consecutive tokens of a lineage, in plain words. */
export function diffClaims(before: ClaimSnapshot, after: ClaimSnapshot): ClaimChange[] {
  void before;
  void after;
  throw new Error('not yet');
}
