import type { AuthCheckId, AuthFinding, AuthVerdict, CapturedTokenResponse } from './types';

const CLIENT = 'A spec-following MCP client';
/** Checks whose failure stops a client from signing in, in the order a client meets them. */
const BLOCKING: AuthCheckId[] = ['challenge', 'resource-metadata', 'resource-matches', 'as-metadata', 'pkce'];

/** "1 hour", "15 minutes", "90 seconds": a token lifetime in the largest whole unit. */
export function formatLifetime(seconds: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (seconds >= 86400 && seconds % 86400 === 0) return unit(seconds / 86400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return unit(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function decideVerdict(
  findings: AuthFinding[],
  flags: { noAuth: boolean; cancelled: boolean },
  captured?: CapturedTokenResponse,
): { verdict: AuthVerdict; verdictSentence: string } {
  if (flags.noAuth) return { verdict: 'no-auth', verdictSentence: 'The server answered without a token: it does not require sign-in.' };
  // A request cut short by the cancel looks like a failure; it is not the server's.
  if (flags.cancelled) return { verdict: 'incomplete', verdictSentence: 'The checks were cancelled before they finished.' };
  const byId = (id: AuthCheckId) => findings.find((f) => f.check === id);
  const blocking = BLOCKING.map(byId).find((f) => f?.result === 'fail');
  if (blocking) return { verdict: 'cannot-sign-in', verdictSentence: `${CLIENT} cannot sign in: ${lowerFirst(blocking.sentence.replace(/\.$/, ''))}.` };
  const unchecked = BLOCKING.map(byId).find((f) => !f || f.result === 'skip');
  if (unchecked)
    return {
      verdict: 'cannot-sign-in',
      verdictSentence: `${CLIENT} cannot sign in: ${lowerFirst((unchecked?.sentence ?? 'a required check did not run').replace(/\.$/, ''))}.`,
    };
  const refresh = byId('refresh');
  if (refresh?.result === 'fail') {
    const lifetime = captured?.lifetimeSeconds && captured.lifetimeSeconds > 0 ? formatLifetime(captured.lifetimeSeconds) : 'time its token expires';
    return {
      verdict: 'sign-in-only',
      verdictSentence: `${CLIENT} can sign in here but must sign in again every ${lifetime}: the server issues no refresh token.`,
    };
  }
  if (refresh?.result === 'pass') return { verdict: 'can-refresh', verdictSentence: `${CLIENT} can sign in here and refresh its token.` };
  // Metadata silent on grant types: nothing says refresh fails, but nothing confirms it either.
  return {
    verdict: 'can-refresh',
    verdictSentence: `${CLIENT} can sign in here and, unless the server withholds refresh tokens (its metadata does not say), refresh its token.`,
  };
}
