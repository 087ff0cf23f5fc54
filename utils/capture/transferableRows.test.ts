import { describe, expect, it } from 'vitest';
import { TokenLedger } from './tokenLedger';
import { transferableRows } from './transferableRows';

describe('transferableRows: one hostile row cannot stop the others', () => {
  it('replaces a row that cannot be cloned by one that says why, keeps the rest as they are', () => {
    const ledger = new TokenLedger();
    const rows = ledger.record([
      { value: 'oauth:fine-one', source: 'authorization-header', name: 'Authorization', origin: 'https://a.example', at: 1 },
      { value: 'oauth:hostile-one', source: 'authorization-header', name: 'Authorization', origin: 'https://a.example', at: 2 },
    ]);
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.a = {};
    rows[1].decoded = { kind: 'jwt', header: { alg: 'HS256' }, payload: { type: 'claims', claims: root }, signed: true, warnings: [] };
    expect(() => structuredClone(rows)).toThrow();

    const safe = transferableRows(rows);
    expect(() => structuredClone(safe)).not.toThrow();
    expect(safe[0]).toBe(rows[0]);
    expect(safe[1]).toMatchObject({
      fingerprint: rows[1].fingerprint,
      value: 'oauth:hostile-one',
      sources: ['authorization-header'],
      decoded: { kind: 'malformed' },
    });
    expect((safe[1].decoded as { reason: string }).reason).toMatch(/too deeply nested/);
  });
});
