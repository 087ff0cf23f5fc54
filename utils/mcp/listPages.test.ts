import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listAllPages, stoppedText, type Page } from './listPages';

/** A server's pages: page i holds `sizes[i]` items and points at the next, the last one points nowhere. */
function pagesOf(sizes: number[], cursorOf: (i: number) => string | undefined = (i) => (i + 1 < sizes.length ? `c${i + 1}` : undefined)) {
  const asked: (string | undefined)[] = [];
  let next = 0;
  const fetchPage = async (cursor: string | undefined): Promise<Page<string>> => {
    asked.push(cursor);
    const i = cursor === undefined ? 0 : Number(cursor.slice(1));
    next = i;
    return { items: Array.from({ length: sizes[i] }, (_, k) => `p${i}-${k}`), nextCursor: cursorOf(next) };
  };
  return { fetchPage, asked };
}

describe('listAllPages', () => {
  it('follows nextCursor to the last page and keeps every item in order', async () => {
    const { fetchPage, asked } = pagesOf([2, 0, 3]);
    const listed = await listAllPages(fetchPage);
    expect(listed).toEqual({ items: ['p0-0', 'p0-1', 'p2-0', 'p2-1', 'p2-2'], pages: 3 });
    expect(asked).toEqual([undefined, 'c1', 'c2']);
  });

  it('takes an empty nextCursor as the end, as some servers send it', async () => {
    const { fetchPage, asked } = pagesOf([1, 1], (i) => (i === 0 ? 'c1' : ''));
    expect((await listAllPages(fetchPage)).items).toHaveLength(2);
    expect(asked).toHaveLength(2);
  });

  it('stops at the page cap and says so', async () => {
    const forever = async (cursor: string | undefined): Promise<Page<number>> => ({ items: [1], nextCursor: `${Number(cursor ?? 0) + 1}` });
    const listed = await listAllPages(forever, { maxPages: 50, maxItems: 1000 });
    expect(listed).toMatchObject({ pages: 50, stopped: 'max-pages' });
    expect(listed.items).toHaveLength(50);
    expect(stoppedText(listed, 'resources')).toBe('Only the first 50 pages of resources were listed (50); the server had more.');
  });

  it('stops at the item cap inside a page', async () => {
    const { fetchPage } = pagesOf([3, 3, 3]);
    const listed = await listAllPages(fetchPage, { maxPages: 50, maxItems: 4 });
    expect(listed).toEqual({ items: ['p0-0', 'p0-1', 'p0-2', 'p1-0'], pages: 2, stopped: 'max-items' });
  });

  it('stops when the server repeats a cursor instead of asking for the same pages forever', async () => {
    const { fetchPage, asked } = pagesOf([1, 1, 1], (i) => (i === 0 ? 'c1' : 'c1'));
    const listed = await listAllPages(fetchPage);
    expect(listed).toMatchObject({ pages: 2, stopped: 'repeated-cursor' });
    expect(asked).toEqual([undefined, 'c1']);
    expect(stoppedText(listed, 'prompts')).toMatch(/cursor it had sent before/);
  });

  it('property: never more requests than the page cap, never more items than the item cap, complete lists whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(6), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 30 }),
        async (sizes, maxPages, maxItems) => {
          const { fetchPage, asked } = pagesOf(sizes);
          const listed = await listAllPages(fetchPage, { maxPages, maxItems });
          expect(asked.length).toBeLessThanOrEqual(maxPages);
          expect(listed.items.length).toBeLessThanOrEqual(maxItems);
          const total = sizes.reduce((a, b) => a + b, 0);
          if (listed.stopped === undefined) expect(listed.items).toHaveLength(total);
          else expect(stoppedText(listed, 'x')).toBeDefined();
        },
      ),
    );
  });
});
