import { audienceMatches } from './resourceUrls';
import { SPEC } from './specs';
import type { AuthFinding, TokenInput } from './types';

/** Whether the token the panel would send was issued for this server. The token itself is never sent by these checks. */
export function judgeTokenAudience(token: TokenInput | undefined, accepted: string[]): AuthFinding {
  const finding = (result: AuthFinding['result'], sentence: string, evidence: AuthFinding['evidence'] = []): AuthFinding => ({
    check: 'token-audience',
    result,
    sentence,
    evidence,
    spec: SPEC.tokenAudience,
  });
  if (!token) return finding('skip', 'No token is chosen for this server, so there is no audience to check.');
  if (!token.isJwt) return finding('skip', 'The token is opaque (not a JWT): only the server can tell whom it was issued for.');
  const acceptedEvidence = { label: 'Accepted audiences', value: accepted.join(', ') };
  if (token.aud === undefined) return finding('warn', 'The token has no aud claim: nothing in it says it was issued for this server.', [acceptedEvidence]);
  let audText: string;
  try {
    audText = JSON.stringify(token.aud)?.slice(0, 300) ?? String(token.aud);
  } catch {
    audText = '[too deeply nested to show]';
  }
  const evidence = [{ label: 'Token aud', value: audText }, acceptedEvidence];
  const match = audienceMatches(token.aud, accepted);
  if (match === 'wrong-type') return finding('fail', "The token's aud claim is neither a string nor an array of strings.", evidence);
  if (!match)
    return finding('fail', "The token's aud does not name this server: a server that checks audience (as MCP servers must) will refuse it.", evidence);
  return finding('pass', "The token's aud names this server.", evidence);
}
