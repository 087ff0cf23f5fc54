export type HeaderLinesResult = { ok: true; headers: Record<string, string> } | { ok: false; error: string };

const TOKEN_CHARS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Set by the transport or the browser: a user value would be ignored or break the session.
const RESERVED = new Set(['host', 'content-length', 'content-type', 'accept', 'mcp-session-id', 'mcp-protocol-version', 'connection']);

/** "Name: value" per line (blank lines and # comments skipped), e.g. CF-Access-Client-Id / -Secret. */
export function parseHeaderLines(text: string): HeaderLinesResult {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `Line ${i + 1}: expected "Name: value".` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN_CHARS.test(name)) return { ok: false, error: `Line ${i + 1}: "${name}" is not a valid header name.` };
    if (RESERVED.has(name.toLowerCase())) return { ok: false, error: `Line ${i + 1}: ${name} is set by the MCP client itself.` };
    if (name.toLowerCase() === 'authorization') return { ok: false, error: `Line ${i + 1}: choose the token above instead of an Authorization header line.` };
    headers[name] = value;
  }
  return { ok: true, headers };
}
