import { describe, expect, it } from 'vitest';
import { fitCapture } from './fitCapture';
import { TokenLedger } from './tokenLedger';

const rowsOf = (n: number, size: number) =>
  new TokenLedger().record(
    Array.from({ length: n }, (_, i) => ({
      value: `oauth:${i}-${'x'.repeat(size)}`,
      source: 'authorization-header' as const,
      name: 'A',
      origin: 'https://a.example',
      at: i,
    })),
  );

describe('fitCapture: a capture too large for storage.session is trimmed, not dropped', () => {
  it('keeps everything that fits', () => {
    const rows = rowsOf(3, 10);
    expect(fitCapture({ rows, targets: [] }, 1_000_000)).toEqual({ capture: { rows, targets: [] }, dropped: 0 });
  });

  it('keeps the most recently seen rows that fit, and says how many it left out', () => {
    const rows = rowsOf(10, 10_000);
    const { capture, dropped } = fitCapture({ rows, targets: [] }, 35_000);
    expect(JSON.stringify(capture).length).toBeLessThanOrEqual(35_000);
    expect(capture.rows.length).toBeGreaterThan(0);
    expect(dropped).toBe(10 - capture.rows.length);
    expect(capture.rows.map((r) => r.lastSeen)).toEqual([9, 8, 7].slice(0, capture.rows.length));
  });
});
