import { decodeToken } from './decodeToken';

export type PasteResult = { ok: true; token: string } | { ok: false; reason: string };

/**
 * Accepts what people actually paste: a bare token, `Bearer …`, a whole `Authorization: Bearer …`
 * line, a `-H "Authorization: …"` fragment from curl, or a `NAME=token` line from a .env file.
 */
export function parsePastedToken(input: string): PasteResult {
  let text = input
    .trim()
    .replace(/^-H\s+/i, '')
    .replace(/^(["'])(.*)\1$/s, '$2')
    .trim();
  if (text === '') return { ok: false, reason: 'Nothing to add: paste a token, "Bearer …" or an Authorization header line.' };

  const header = /^(authorization|cf-access-jwt-assertion|cf-access-token|x-access-token)\s*:\s*(.*)$/is.exec(text);
  if (header) text = header[2].trim();
  const envLine = /^[A-Z_][A-Z0-9_]*\s*=\s*(.*)$/s.exec(text);
  if (!header && envLine) text = envLine[1].trim().replace(/^(["'])(.*)\1$/s, '$2');

  const scheme = /^(\S+)\s+(.*)$/s.exec(text);
  if (scheme) {
    if (/^basic$/i.test(scheme[1])) return { ok: false, reason: 'That is HTTP Basic authentication (a user name and password), not a token.' };
    if (!/^(bearer|dpop)$/i.test(scheme[1]))
      return { ok: false, reason: `"${truncate(scheme[1])}" is not a token scheme; expected "Bearer <token>" or a bare token.` };
    text = scheme[2].trim();
  }
  if (text === '') return { ok: false, reason: 'The header has a scheme but no token after it.' };
  if (text.length < 8) return { ok: false, reason: 'Too short to be a token (under 8 characters).' };
  if (/[\s<>"'{}]/.test(text)) return { ok: false, reason: 'That text has spaces, quotes or markup in it, so it is not a token.' };

  const decoded = decodeToken(text);
  if (decoded.kind === 'malformed') return { ok: false, reason: decoded.reason };
  return { ok: true, token: text };
}

function truncate(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
