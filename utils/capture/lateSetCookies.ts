import type { HarEntryLike } from './har';

/**
 * Chrome puts a response's Set-Cookie headers (always for HttpOnly cookies) into DevTools' record
 * of a request only when the network service's "extra info" for it arrives — which can be after
 * the request was already reported finished, most often on a redirect that navigates the page.
 * Such requests are noted and looked up once more in a fresh HAR a moment later.
 */
const RECHECK_FOR_MS = 5_000;
const MAX_PENDING = 64;

export const harEntryKey = (e: HarEntryLike) => `${e.startedDateTime} ${e.request.method} ${e.request.url}`;

function hasSetCookie(entry: HarEntryLike): boolean {
  return (entry.response.cookies?.length ?? 0) > 0 || entry.response.headers.some((h) => h.name.toLowerCase() === 'set-cookie');
}

/** Responses that typically set session cookies: redirects, pages, and JSON (login and token endpoints). */
function maySetCookie(entry: HarEntryLike): boolean {
  const status = entry.response.status;
  if (status >= 300 && status < 400) return true;
  if (status < 200 || status >= 300) return false;
  const mime = entry.response.content?.mimeType ?? '';
  return /html|json/i.test(mime);
}

export class LateSetCookieWatch {
  private readonly pending = new Map<string, number>();

  /** Notes a finished request reported without Set-Cookie that may still get one; true when noted. */
  note(entry: HarEntryLike, now: number): boolean {
    if (hasSetCookie(entry) || !maySetCookie(entry)) return false;
    this.pending.set(harEntryKey(entry), now);
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return true;
  }

  /** The noted entries that now carry Set-Cookie (each once); entries noted too long ago are dropped. */
  take(entries: readonly HarEntryLike[], now: number): HarEntryLike[] {
    const found: HarEntryLike[] = [];
    for (const entry of entries) {
      const key = harEntryKey(entry);
      if (this.pending.has(key) && hasSetCookie(entry)) {
        this.pending.delete(key);
        found.push(entry);
      }
    }
    for (const [key, at] of this.pending) if (now - at > RECHECK_FOR_MS) this.pending.delete(key);
    return found;
  }

  get size(): number {
    return this.pending.size;
  }
}
