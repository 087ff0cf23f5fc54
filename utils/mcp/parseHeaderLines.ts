/**
 * `headers` has no prototype and every name is defined as an own property, so names such as
 * `constructor` or `toString` are headers like any other, and survive `{ ...headers }` and `new Headers()`.
 */
export type HeaderLinesResult = { ok: true; headers: Record<string, string> } | { ok: false; error: string };

const TOKEN_CHARS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What fetch accepts in a value: Latin-1 text without NUL, CR or LF.
const VALUE_CHARS = /^[^\0\r\n\u0100-\uffff]*$/;
// Set by the transport or the browser: a user value would be ignored or break the session.
const RESERVED = new Set(['host', 'content-length', 'content-type', 'accept', 'mcp-session-id', 'mcp-protocol-version', 'connection']);

/** "Name: value" per line (blank lines and # comments skipped), e.g. CF-Access-Client-Id / -Secret. */
export function parseHeaderLines(text: string): HeaderLinesResult {
  const headers = Object.create(null) as Record<string, string>;
  if (typeof text !== 'string') return { ok: true, headers };
  // A lone CR ends a line too: inside a value it would be a header injection, which fetch refuses.
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `Line ${i + 1}: expected "Name: value".` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (!TOKEN_CHARS.test(name)) return { ok: false, error: `Line ${i + 1}: ${shorten(JSON.stringify(name))} is not a valid header name.` };
    if (RESERVED.has(lower)) return { ok: false, error: `Line ${i + 1}: ${name} is set by the MCP client itself.` };
    if (lower === 'authorization') return { ok: false, error: `Line ${i + 1}: choose the token above instead of an Authorization header line.` };
    // JavaScript gives this one name a meaning of its own: code on the way to the server (Node's
    // fetch, plain objects built from headers) would drop it without a word, so it is refused here.
    if (lower === '__proto__') return { ok: false, error: `Line ${i + 1}: a header cannot be named __proto__ here (it would be dropped on the way).` };
    if (!VALUE_CHARS.test(value)) {
      return {
        ok: false,
        error: `Line ${i + 1}: the value of ${shorten(name)} has characters a header cannot carry (only Latin-1 text, no control line breaks).`,
      };
    }
    Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, headers };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
