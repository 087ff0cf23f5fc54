import type { TokenRow } from '../capture/tokenLedger';
import type { Lineage } from './model';
import type { TokenRequestEvent } from './types';

/** Lineages of the captured tokens: access lineages first, then ID tokens, then refresh tokens. */
export function buildLineages(rows: TokenRow[], requests: TokenRequestEvent[], nowMs: number): Lineage[] {
  void rows;
  void requests;
  void nowMs;
  throw new Error('not yet');
}
