import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenLedger } from '../capture/tokenLedger';
import { chooseToken } from '../mcp/chooseToken';
import { statusChangeTimesMs, statusClock } from './expiryEpoch';

describe('statusClock: moves only when a token expires or becomes valid', () => {
  it('is the last change time passed', () => {
    const times = [1000, 2000, 2000, 5000];
    expect([0, 999, 1000, 1999, 2000, 4999, 5000, 9999].map((t) => statusClock(times, t))).toEqual([0, 0, 1000, 1000, 2000, 2000, 5000, 5000]);
  });

  it('picks the same token to send as the real clock would, at any moment', () => {
    const base = 1_800_000_000;
    const ledger = new TokenLedger();
    const rows = ledger.record(
      [100, 200, 300].map((ttl, i) => ({
        value: `oauth:t${i}`,
        source: 'authorization-header' as const,
        name: 'Authorization',
        origin: 'https://portal.example.com',
        at: (base - 50 + i) * 1000,
        issuedExpiresAt: base + ttl,
      })),
    );
    const times = statusChangeTimesMs(rows);
    fc.assert(
      fc.property(fc.integer({ min: (base - 100) * 1000, max: (base + 400) * 1000 }), (nowMs) => {
        const url = 'https://portal.example.com/mcp';
        expect(chooseToken(rows, url, { mode: 'auto' }, statusClock(times, nowMs)).row?.value).toBe(chooseToken(rows, url, { mode: 'auto' }, nowMs).row?.value);
      }),
      { numRuns: 2000 },
    );
  });
});
