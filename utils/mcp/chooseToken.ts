import type { TokenRow } from '../capture/tokenLedger';
import { tokenTiming } from '../tokens/tokenTiming';

export type TokenChoice = { mode: 'auto' } | { mode: 'none' } | { mode: 'token'; fingerprint: string };

/** How the token travels: as a bearer, or — for a Cloudflare Access CF_Authorization JWT — in the `cf-access-token` header Access reads. */
export type SendAs = 'bearer' | 'cf-access-token';

export interface ChosenToken {
  row?: TokenRow;
  sendAs: SendAs;
  /** Why this token (or none): shown next to the choice. */
  reason: string;
}

/** A CF_Authorization cookie the page only ever sent as a cookie: Access also accepts it as `cf-access-token`. */
export function isAccessCookie(row: TokenRow): boolean {
  return row.decoded.kind === 'jwt' && row.names.some((n) => /^cf_authorization$/i.test(n)) && row.sources.every((s) => s === 'cookie' || s === 'set-cookie');
}

const sendAsFor = (row: TokenRow): SendAs => (isAccessCookie(row) ? 'cf-access-token' : 'bearer');

/** Tokens a server accepts as `Authorization: Bearer`: not refresh tokens, not undecodable junk. */
export function isBearerCandidate(row: TokenRow): boolean {
  if (row.decoded.kind === 'malformed') return false;
  if (row.roles.includes('refresh') && !row.roles.includes('access')) return false;
  return row.sources.some((s) => s === 'authorization-header' || s === 'other-header' || s === 'token-response' || s === 'query' || s === 'pasted');
}

export const PASTED_NEEDS_CHOSEN_TARGET = 'a pasted token is sent only to a target you typed or picked';

/** A token the page itself never used with `origin` (a pasted one, or one from another site). */
const neverUsedWith = (row: TokenRow, origin: string | undefined) => origin === undefined || !row.origins.includes(origin);

/**
 * The token to send to `targetUrl`. Auto picks the freshest non-expired token the page itself sent
 * (or received from a token endpoint) on the target's origin — never a token from another site.
 * When all of those have expired it still sends the newest, so the report can say when it expired.
 * Only when the page used no bearer there: its Cloudflare Access session, then a pasted token.
 *
 * A pasted token, or one picked by hand that the page never used with the target's origin, goes only
 * to a target the user typed or picked (`targetChosenByUser`): the target box follows the endpoints
 * the page uses, so a page could otherwise choose where it goes.
 */
export function chooseToken(rows: TokenRow[], targetUrl: string, choice: TokenChoice, nowMs: number, targetChosenByUser = false): ChosenToken {
  if (choice.mode === 'none') return { sendAs: 'bearer', reason: 'No token: requests go out without Authorization.' };
  if (choice.mode === 'token') {
    const row = rows.find((r) => r.fingerprint === choice.fingerprint);
    if (!row) return { sendAs: 'bearer', reason: 'The chosen token is no longer in the list.' };
    if (!targetChosenByUser && neverUsedWith(row, safeOrigin(targetUrl)))
      return {
        sendAs: 'bearer',
        reason: `Not sending the chosen token: the page never used it with this target, and it goes to a new site only when you type or pick the endpoint above (this one was filled in from the page's traffic).`,
      };
    return {
      row,
      sendAs: sendAsFor(row),
      reason: isAccessCookie(row) ? 'Chosen by you; sent as the cf-access-token header, as Cloudflare Access expects.' : 'Chosen by you.',
    };
  }
  let origin: string;
  try {
    origin = new URL(targetUrl).origin;
  } catch {
    return {
      sendAs: 'bearer',
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
  if (best) return { row: best, sendAs: 'bearer', reason: `The freshest unexpired token the page used with ${origin}.` };
  // All expired: still send the newest, so the report can say "expired N minutes ago" instead of "no token".
  const newestExpired = [...usable].sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (newestExpired)
    return {
      row: newestExpired,
      sendAs: 'bearer',
      reason: `Every token the page used with ${origin} has expired (this is the newest): sign in to the page again.`,
    };
  // The page used no bearer with this origin: its live Cloudflare Access session is the next best credential.
  const access = rows
    .filter((r) => isAccessCookie(r) && r.origins.includes(origin) && tokenTiming(r, nowMs, 0).status !== 'expired')
    .sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (access)
    return {
      row: access,
      sendAs: 'cf-access-token',
      reason: `The page's Cloudflare Access session (CF_Authorization) for ${origin}, sent as the cf-access-token header.`,
    };
  // Nothing from the page for this origin: a token the user pasted is there to be used.
  const pasted = rows
    .filter((r) => r.sources.includes('pasted') && isBearerCandidate(r) && tokenTiming(r, nowMs, 0).status !== 'expired')
    .sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (pasted && !targetChosenByUser)
    return {
      sendAs: 'bearer',
      reason: `No token: the page has not sent one to ${origin}, and ${PASTED_NEEDS_CHOSEN_TARGET} (this one was filled in from the page's traffic).`,
    };
  if (pasted) return { row: pasted, sendAs: 'bearer', reason: `The token you pasted (the page has not sent one to ${origin}).` };
  return { sendAs: 'bearer', reason: `The page has not sent a token to ${origin}: pick one, paste one, or send none.` };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
