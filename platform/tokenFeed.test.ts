import { describe, expect, it, vi } from 'vitest';
import type { CaptureToPanel } from '../utils/links/panelChannel';
import { connectTokenFeed } from './tokenFeed';

// A page outside DevTools has no inspected tab.
vi.mock('./devtoolsNetwork', () => ({ inspectedTabId: () => undefined }));

describe('the token feed opened outside DevTools (the panel page as a tab)', () => {
  it('says it is standalone, starts empty, decodes pasted tokens and clears them', async () => {
    const received: CaptureToPanel[] = [];
    const feed = connectTokenFeed((m) => received.push(m));
    expect(feed.mode).toBe('standalone');
    await Promise.resolve();
    expect(received).toEqual([expect.objectContaining({ type: 'tokens-snapshot', rows: [] })]);

    feed.paste('oauth:pasted-value');
    const changed = received.at(-1);
    expect(changed?.type === 'tokens-changed' && changed.rows.map((r) => [r.value, r.sources])).toEqual([['oauth:pasted-value', ['pasted']]]);

    feed.clear();
    expect(received.at(-1)).toMatchObject({ type: 'tokens-snapshot', rows: [] });
  });
});
