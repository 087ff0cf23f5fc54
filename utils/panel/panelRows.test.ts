import { describe, expect, it } from 'vitest';
import { TokenLedger } from '../capture/tokenLedger';
import { filterRows, mergeRows, resolveSelection, sortRows } from './panelRows';

const ledger = new TokenLedger();
const rows = ledger.record([
  { value: 'oauth:first', source: 'authorization-header', name: 'Authorization', origin: 'https://a.example', at: 1 },
  { value: 'eyJhbGciOiJub25lIn0.e30.', source: 'cookie', name: 'CF_Authorization', origin: 'https://b.example', at: 2 },
]);

describe('panel rows', () => {
  it('lists the newest token first, and a merged update keeps its place', () => {
    expect(sortRows(rows).map((r) => r.firstSeen)).toEqual([2, 1]);
    const merged = mergeRows(sortRows(rows), [{ ...rows[0], lastSeen: 99 }]);
    expect(merged.map((r) => r.firstSeen)).toEqual([2, 1]);
    expect(merged[1].lastSeen).toBe(99);
  });

  it('keeps a selection while its row exists, else falls back to the newest', () => {
    expect(resolveSelection(rows, rows[0].fingerprint)).toBe(rows[0].fingerprint);
    expect(resolveSelection(sortRows(rows), 'gone')).toBe(rows[1].fingerprint);
    expect(resolveSelection([], 'gone')).toBeUndefined();
  });

  it('filters by every typed word, across label, origin, cookie name and fingerprint', () => {
    const label = (r: (typeof rows)[number]) => (r.sources.includes('cookie') ? 'CF_Authorization cookie' : 'access token');
    expect(filterRows(rows, 'cf_authorization b.example', label).map((r) => r.value)).toEqual([rows[1].value]);
    expect(filterRows(rows, 'a.example access', label).map((r) => r.value)).toEqual(['oauth:first']);
    expect(filterRows(rows, '  ', label)).toBe(rows);
    expect(filterRows(rows, 'nothing-like-this', label)).toEqual([]);
  });
});
