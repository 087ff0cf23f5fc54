import { describe, expect, it } from 'vitest';
import { EMPTY_CAPTURE_STATS } from '../../utils/capture/captureStats';
import { TokenLedger } from '../../utils/capture/tokenLedger';
import { applyInspectorMessage, usePanelStore } from './store';

const ledger = new TokenLedger();
const [a] = ledger.record([{ value: 'oauth:a', source: 'authorization-header', name: 'A', origin: 'https://a.example', at: 1 }]);
const [b] = ledger.record([{ value: 'oauth:b', source: 'authorization-header', name: 'A', origin: 'https://a.example', at: 2 }]);

describe('applyInspectorMessage: what the panel does with each message from capture', () => {
  const initial = usePanelStore.getState();

  it('a snapshot replaces the list (newest first) and marks the panel connected', () => {
    const next = applyInspectorMessage(initial, { type: 'tokens-snapshot', rows: [a, b], stats: EMPTY_CAPTURE_STATS, targets: [] });
    expect(next.rows?.map((r) => r.value)).toEqual(['oauth:b', 'oauth:a']);
    expect(next.connected).toBe(true);
  });

  it('a change merges rows by fingerprint, keeping the others', () => {
    const state = { ...initial, rows: [a] };
    const changedA = { ...a, count: 5 };
    const next = applyInspectorMessage(state, { type: 'tokens-changed', rows: [changedA, b], stats: EMPTY_CAPTURE_STATS, targets: [] });
    expect(next.rows?.map((r) => [r.value, r.count])).toEqual([
      ['oauth:b', 1],
      ['oauth:a', 5],
    ]);
  });

  it('takes the lifecycle records when a message carries them, and keeps the ones it has when not', () => {
    const run = { at: 1, origin: 'https://a.example', outcome: 'pass' as const };
    const next = applyInspectorMessage(initial, {
      type: 'tokens-changed',
      rows: [],
      stats: EMPTY_CAPTURE_STATS,
      targets: [],
      lifecycle: { tokenRequests: [], testRuns: [run] },
    });
    expect(next.testRuns).toEqual([run]);
    expect(
      applyInspectorMessage({ ...initial, testRuns: [run] }, { type: 'tokens-changed', rows: [], stats: EMPTY_CAPTURE_STATS, targets: [] }),
    ).not.toHaveProperty('testRuns');
  });

  it('a navigation ends a pending reload and keeps what is known of the same site, forgets it for another', () => {
    const state = { ...initial, reloading: true, page: { origin: 'https://a.example', access: 'granted' as const } };
    expect(applyInspectorMessage(state, { type: 'page-navigated', url: 'https://a.example/next', at: 5 })).toMatchObject({
      reloading: false,
      page: { origin: 'https://a.example', access: 'granted' },
    });
    expect(applyInspectorMessage(state, { type: 'page-navigated', url: 'https://b.example/', at: 5 }).page).toEqual({
      origin: 'https://b.example',
      access: 'unknown',
    });
  });
});
