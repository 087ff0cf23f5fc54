import type { TokenRow } from '../../utils/capture/tokenLedger';
import type { Lineage, LineageToken } from '../../utils/lifecycle/model';
import { isAccessCookie } from '../../utils/mcp/chooseToken';

export interface HandOffChoice {
  lineage: Lineage;
  token: LineageToken;
  row: TokenRow;
  /** No token of the lineage is still valid: the newest is handed on, and the view says it expired. */
  expired: boolean;
  sendAs: 'bearer' | 'cf-access-token';
}

/** Lineages whose tokens can be handed on: access tokens (a refresh or ID token is not a bearer for an MCP server). */
export const handOffLineages = (lineages: Lineage[]) => lineages.filter((l) => l.kind === 'access');

/**
 * The token to hand on, derived afresh from the lineage on every render so a rotation is followed:
 * the chosen lineage (by key), else the selected token's, else the first; in it, the newest token
 * still valid, else the newest one. Undefined when no lineage has a token whose value is known.
 */
export function chooseHandOff(lineages: Lineage[], rows: TokenRow[], nowMs: number, chosenKey?: string, selected?: string): HandOffChoice | undefined {
  const candidates = handOffLineages(lineages);
  const lineage = candidates.find((l) => l.key === chosenKey) ?? candidates.find((l) => l.tokens.some((t) => t.fingerprint === selected)) ?? candidates[0];
  if (!lineage) return undefined;
  const byFingerprint = new Map(rows.map((r) => [r.fingerprint, r]));
  const known = lineage.tokens.filter((t) => byFingerprint.has(t.fingerprint));
  // Unknown expiry counts as valid: the server decides, and the snippet says the expiry is unknown.
  const live = known.filter((t) => t.expiresAtMs === undefined || t.expiresAtMs > nowMs);
  const token = live.at(-1) ?? known.at(-1);
  if (!token) return undefined;
  const row = byFingerprint.get(token.fingerprint)!;
  return { lineage, token, row, expired: live.length === 0, sendAs: isAccessCookie(row) ? 'cf-access-token' : 'bearer' };
}
