import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TokenLedger } from '../utils/capture/tokenLedger';
import { forgetCapture, loadCapture, saveCapture } from './captureStore';

describe('captureStore: a tab capture in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves, loads and forgets one tab, apart from others', async () => {
    const rows = new TokenLedger().record([{ value: 'oauth:abc', source: 'authorization-header', name: 'A', origin: 'https://a.example', at: 1 }]);
    await saveCapture(1, { rows, targets: [] });
    await saveCapture(2, { rows: [], targets: [] });
    expect((await loadCapture(1))?.rows.map((r) => r.value)).toEqual(['oauth:abc']);
    await forgetCapture(1);
    expect(await loadCapture(1)).toBeUndefined();
    expect(await loadCapture(2)).toEqual({ rows: [], targets: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the newest rows of a capture over 5 MB instead of saving nothing', async () => {
    const rows = new TokenLedger().record(
      Array.from({ length: 30 }, (_, i) => ({
        value: `oauth:${i}-${'x'.repeat(250_000)}`,
        source: 'authorization-header' as const,
        name: 'A',
        origin: 'https://a.example',
        at: i,
      })),
    );
    await saveCapture(3, { rows, targets: [] });
    const stored = await loadCapture(3);
    expect(stored?.rows.length).toBeGreaterThan(0);
    expect(stored?.rows.length).toBeLessThan(30);
    expect(stored?.rows.some((r) => r.lastSeen === 29)).toBe(true);
  });

  it('keeps the lifecycle records with the capture, and drops a malformed one on load', async () => {
    const run = { at: 1, origin: 'https://a.example', outcome: 'pass' as const, tokenFingerprint: 'f1', tokenSecondsLeft: 30 };
    await saveCapture(5, { rows: [], targets: [], lifecycle: { tokenRequests: [], testRuns: [run] } });
    expect((await loadCapture(5))?.lifecycle).toEqual({ tokenRequests: [], testRuns: [run] });
    await fakeBrowser.storage.session.set({
      'capture:6': { rows: [], targets: [], lifecycle: { tokenRequests: [{ id: 1 }], testRuns: [run, { ...run, outcome: 1 }] } },
    });
    expect((await loadCapture(6))?.lifecycle).toEqual({ tokenRequests: [], testRuns: [run] });
  });

  it('treats what is stored as untrusted: a wrong shape loads as nothing', async () => {
    await fakeBrowser.storage.session.set({ 'capture:4': { rows: 'nope' } });
    expect(await loadCapture(4)).toBeUndefined();
  });
});
