/**
 * What of an MCP endpoint URL may be kept in storage.local: origin and path, unless a path segment
 * looks like a credential (some servers put a key in the path), then the origin only; query and
 * fragment never. False alarms only cost the path in the suggestions list.
 */
export function storableTargetUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const segments = parsed.pathname.split('/');
  return parsed.pathname === '/' || segments.some(looksLikeCredential) ? parsed.origin : `${parsed.origin}${parsed.pathname}`;
}

const KNOWN_PREFIXES = /^(oauth:|bearer|sk[-_]|pk[-_]|rk[-_]|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abpr]-|akia|eyj)/i;

/** A path segment that may be a key: key=value, a known token prefix, JWT-shaped, or a long high-entropy run. */
export function looksLikeCredential(rawSegment: string): boolean {
  let segment: string;
  try {
    segment = decodeURIComponent(rawSegment);
  } catch {
    segment = rawSegment;
  }
  if (segment === '') return false;
  if (/[^=;]=./.test(segment)) return true; // key=…, token=…, matrix parameters
  if (KNOWN_PREFIXES.test(segment)) return true;
  if (/^[\w-]{8,}\.[\w-]{8,}\.[\w-]*$/.test(segment)) return true; // JWT: header.payload.signature
  if (/[0-9a-f]{20,}/i.test(segment.replace(/-/g, ''))) return true; // hex keys and UUIDs
  // Base64 / base64url runs of 20+ characters that read as random: they switch between lower case,
  // upper case and digits often, where words ("mcp-server-2024-production") hardly do.
  for (const run of segment.match(/[A-Za-z0-9+/_-]{20,}={0,2}/g) ?? []) if (classSwitches(run) >= 4) return true;
  return segment.length >= 40 && !/[-_.~]/.test(segment); // one long unbroken run
}

function classSwitches(run: string): number {
  const classOf = (c: string) => (c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 0);
  let switches = 0;
  for (let i = 1; i < run.length; i++) {
    const a = classOf(run[i - 1]);
    const b = classOf(run[i]);
    if (a !== 0 && b !== 0 && a !== b) switches++;
  }
  return switches;
}
