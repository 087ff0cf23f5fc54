import { decodeToken } from './decodeToken';

export type PasteResult = { ok: true; token: string } | { ok: false; reason: string };

/**
 * Accepts what people actually paste: a bare token, `Bearer …`, a whole `Authorization: Bearer …`
 * line, a `-H "Authorization: …"` fragment from curl, or a `name=token` line from a .env file.
 */
export function parsePastedToken(input: string): PasteResult {
  if (typeof input !== 'string') return { ok: false, reason: 'Nothing to add: paste a token, "Bearer …" or an Authorization header line.' };
  let text = input
    .trim()
    .replace(/^-H\s+/i, '')
    .replace(/^(["'])(.*)\1$/s, '$2')
    .trim();
  if (text === '') return { ok: false, reason: 'Nothing to add: paste a token, "Bearer …" or an Authorization header line.' };

  const header = /^(authorization|cf-access-jwt-assertion|cf-access-token|x-access-token)\s*:\s*(.*)$/is.exec(text);
  if (header) text = header[2].trim();
  // Any case (`token=…`, `access_token = "…"`, `export TOKEN='…'`). The value may not start with
  // "=", so base64 padding (`abc==`) is read as a bare token, not as a name and an empty value.
  const envLine = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]{0,200}\s*=\s*(?!=)(.*)$/s.exec(text);
  if (!header && envLine && !isPaddedBase64(text)) {
    text = envLine[1].trim().replace(/^(["'])(.*)\1$/s, '$2');
    if (text.trim() === '') return { ok: false, reason: 'The line has a name but no token after "=".' };
  }

  const space = text.search(/\s/);
  if (space > 0) {
    const scheme = text.slice(0, space);
    if (/^basic$/i.test(scheme)) return { ok: false, reason: 'That is HTTP Basic authentication (a user name and password), not a token.' };
    if (!/^(bearer|dpop)$/i.test(scheme))
      return { ok: false, reason: `"${truncate(scheme)}" is not a token scheme; expected "Bearer <token>" or a bare token.` };
    text = text.slice(space).trim();
  }
  if (text === '') return { ok: false, reason: 'The header has a scheme but no token after it.' };
  if (text.length < 8) return { ok: false, reason: 'Too short to be a token (under 8 characters).' };
  if (/[\s<>"'{}]/.test(text)) return { ok: false, reason: 'That text has spaces, quotes or markup in it, so it is not a token.' };

  const decoded = decodeToken(text);
  if (decoded.kind === 'malformed') return { ok: false, reason: decoded.reason };
  return { ok: true, token: text };
}

/** `abcd123=`: base64 with one padding character (length a multiple of 4), not a .env line with nothing after "=". */
function isPaddedBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]+=$/.test(text);
}

function truncate(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
