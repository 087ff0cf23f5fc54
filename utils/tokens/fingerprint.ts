/**
 * A short, stable, one-way label for a token (cyrb53, 53 bits as 12 hex digits). It identifies a
 * token across the panel, the background and exports without carrying the token itself. It is
 * synchronous because it runs on every captured request; it is not a security boundary.
 */
export function tokenFingerprint(token: string): string {
  let h1 = 0xdeadbeef ^ token.length;
  let h2 = 0x41c6ce57 ^ token.length;
  for (let i = 0; i < token.length; i++) {
    const ch = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0').slice(-12);
}

/** Masked display: enough to tell tokens apart, not enough to use one. */
export function maskToken(token: string): string {
  if (token.length <= 12) return '•'.repeat(Math.max(token.length, 4));
  return `${token.slice(0, 6)}…${token.slice(-4)}`;
}
