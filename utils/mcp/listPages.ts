/** Following `nextCursor` to the end of an MCP list, with caps: a server may page forever. */

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ListLimits {
  /** Pages requested at most. */
  maxPages: number;
  /** Items kept at most (the rest of the page that crosses it is dropped). */
  maxItems: number;
}

export interface Listed<T> {
  items: T[];
  pages: number;
  /** Why listing stopped before the server's last page, when it did. */
  stopped?: 'max-pages' | 'max-items' | 'repeated-cursor';
}

export const LIST_LIMITS: ListLimits = { maxPages: 50, maxItems: 5000 };

/** Requests pages until the server gives no cursor, a cursor repeats, or a cap is reached. */
export async function listAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, limits: ListLimits = LIST_LIMITS): Promise<Listed<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    const room = limits.maxItems - items.length;
    items.push(...page.items.slice(0, Math.max(0, room)));
    cursor = page.nextCursor;
    if (page.items.length > room) return { items, pages, stopped: 'max-items' };
    // Some servers end with nextCursor: "" — asking again with it would start over.
    if (!cursor) return { items, pages };
    if (seen.has(cursor)) return { items, pages, stopped: 'repeated-cursor' };
    if (pages >= limits.maxPages) return { items, pages, stopped: 'max-pages' };
    seen.add(cursor);
  }
}

/** What the report says about a list that was cut short; undefined for a complete one. */
export function stoppedText(listed: Pick<Listed<unknown>, 'items' | 'pages' | 'stopped'>, what: string): string | undefined {
  switch (listed.stopped) {
    case 'max-pages':
      return `Only the first ${listed.pages} pages of ${what} were listed (${listed.items.length}); the server had more.`;
    case 'max-items':
      return `Only the first ${listed.items.length} ${what} were kept; the server had more.`;
    case 'repeated-cursor':
      return `The server sent a cursor it had sent before, so listing ${what} stopped after ${listed.pages} pages (${listed.items.length}).`;
    default:
      return undefined;
  }
}
