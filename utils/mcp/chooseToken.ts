import type { TokenRow } from '../tokenLedger';
import { tokenTiming } from '../tokenTiming';

export type TokenChoice = { mode: 'auto' } | { mode: 'none' } | { mode: 'token'; fingerprint: string };

export interface ChosenToken {
  row?: TokenRow;
  /** Why this token (or none): shown next to the choice. */
  reason: string;
}

/** Tokens a server accepts as `Authorization: Bearer`: not refresh tokens, not undecodable junk. */
export function isBearerCandidate(row: TokenRow): boolean {
  if (row.decoded.kind === 'malformed') return false;
  if (row.roles.includes('refresh') && !row.roles.includes('access')) return false;
  return row.sources.some((s) => s === 'authorization-header' || s === 'other-header' || s === 'token-response' || s === 'query' || s === 'pasted');
}

/**
 * The token to send to `targetUrl`. Auto picks the freshest non-expired token the page itself sent
 * (or received from a token endpoint) on the target's origin — never a token from another site —
 * and only when all of those have expired, the newest expired one.
 */
export function chooseToken(rows: TokenRow[], targetUrl: string, choice: TokenChoice, nowMs: number): ChosenToken {
  if (choice.mode === 'none') return { reason: 'No token: requests go out without Authorization.' };
  if (choice.mode === 'token') {
    const row = rows.find((r) => r.fingerprint === choice.fingerprint);
    return row ? { row, reason: 'Chosen by you.' } : { reason: 'The chosen token is no longer in the list.' };
  }
  let origin: string;
  try {
    origin = new URL(targetUrl).origin;
  } catch {
    return {
      reason: targetUrl.trim() === '' ? 'Enter the MCP endpoint above; the token is picked for its origin.' : 'Enter a valid URL to pick a token for it.',
    };
  }
  const usable = rows.filter((r) => isBearerCandidate(r) && !r.roles.every((role) => role === 'id') && r.origins.includes(origin));
  const live = usable.filter((r) => {
    const status = tokenTiming(r, nowMs, 0).status;
    return status !== 'expired' && status !== 'not-yet-valid';
  });
  // Prefer what the page actually sent as a bearer; then the freshest.
  const rank = (r: TokenRow) => (r.sources.includes('authorization-header') ? 1 : 0);
  const best = [...live].sort((a, b) => rank(b) - rank(a) || b.lastSeen - a.lastSeen)[0];
  if (best) return { row: best, reason: `The freshest unexpired token the page used with ${origin}.` };
  // All expired: still send the newest, so the report can say "expired N minutes ago" instead of "no token".
  const newestExpired = [...usable].sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (newestExpired)
    return { row: newestExpired, reason: `Every token the page used with ${origin} has expired (this is the newest): sign in to the page again.` };
  // Nothing from the page for this origin: a token the user pasted is there to be used.
  const pasted = rows
    .filter((r) => r.sources.includes('pasted') && isBearerCandidate(r) && tokenTiming(r, nowMs, 0).status !== 'expired')
    .sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (pasted) return { row: pasted, reason: `The token you pasted (the page has not sent one to ${origin}).` };
  return { reason: `The page has not sent a token to ${origin}: pick one, paste one, or send none.` };
}
