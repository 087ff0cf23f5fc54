import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { CaptureSession } from './captureSession';
import { tokenFingerprint } from '../tokens/fingerprint';
import { TokenLedger } from './tokenLedger';
import { tokenTiming } from '../tokens/tokenTiming';

describe('TokenLedger', () => {
  it('merges every sighting of one value into one row with all sources, origins and counts', async () => {
    const jwt = await signedJwt({ sub: 'a', exp: 2_000_000_000 });
    const session = new CaptureSession();
    session.ingest(harEntry({ url: 'https://a.example/api', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: '2026-11-26T12:00:00Z' }));
    session.ingest(
      harEntry({ url: 'https://b.example/mcp', requestCookies: [{ name: 'CF_Authorization', value: jwt }], startedDateTime: '2026-11-26T12:01:00Z' }),
    );
    session.ingest(harEntry({ url: 'https://a.example/api', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: '2026-11-26T12:02:00Z' }));
    const rows = session.ledger.all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fingerprint: tokenFingerprint(jwt),
      sources: ['authorization-header', 'cookie'],
      origins: ['https://b.example', 'https://a.example'],
      count: 3,
      firstSeen: Date.parse('2026-11-26T12:00:00Z'),
      lastSeen: Date.parse('2026-11-26T12:02:00Z'),
    });
    expect(session.stats.requestsSeen).toBe(3);
  });

  it('gives an opaque token the expiry of the response that issued it, and keeps it when seen again', () => {
    const session = new CaptureSession();
    const started = '2026-11-26T12:00:00.000Z';
    session.ingest(
      harEntry({ method: 'POST', url: 'https://p.example/oauth/token', startedDateTime: started }),
      JSON.stringify({ access_token: 'oauth:tok-1234', expires_in: 900, refresh_token: 'oauth:ref-1234' }),
    );
    session.ingest(harEntry({ requestHeaders: { Authorization: 'Bearer oauth:tok-1234' }, startedDateTime: '2026-11-26T12:05:00Z' }));
    const access = session.ledger.all().find((r) => r.value === 'oauth:tok-1234')!;
    expect(access.issuedExpiresAt).toBe(Date.parse(started) / 1000 + 900);
    expect(access.sources).toEqual(['token-response', 'authorization-header']);
    expect(access.issuedWith).toEqual(['refresh']);
    const timing = tokenTiming(access, Date.parse('2026-11-26T12:12:00Z'), 300);
    expect(timing).toMatchObject({ status: 'expiring', remaining: 180 });
    const refresh = session.ledger.all().find((r) => r.value === 'oauth:ref-1234')!;
    expect(tokenTiming(refresh, Date.now(), 300).status).toBe('unknown');
  });

  it('is bounded: the least recently seen rows go first', () => {
    const ledger = new TokenLedger(3);
    const obs = (value: string, at: number) => ({ value, source: 'pasted' as const, name: 'p', origin: 'pasted', at });
    ledger.record([obs('token-aaaa', 1), obs('token-bbbb', 2), obs('token-cccc', 3)]);
    ledger.record([obs('token-aaaa', 4), obs('token-dddd', 5)]);
    expect(ledger.all().map((r) => r.value)).toEqual(['token-cccc', 'token-aaaa', 'token-dddd']);
  });

  it('restores saved rows without overwriting rows seen since', () => {
    const saved = new CaptureSession();
    saved.paste('token-from-before', 1);
    saved.paste('token-in-both', 2);
    const fresh = new CaptureSession();
    fresh.paste('token-in-both', 10);
    const restored = fresh.restore(saved.ledger.all(), []);
    expect(restored.map((r) => r.value)).toEqual(['token-from-before']);
    expect(fresh.ledger.all().find((r) => r.value === 'token-in-both')?.lastSeen).toBe(10);
  });

  it('reports each changed row once per batch and forgets everything on clear', () => {
    const session = new CaptureSession();
    const changed = session.paste('pasted-token-1', 1);
    expect(changed).toHaveLength(1);
    expect(changed[0].sources).toEqual(['pasted']);
    session.clear();
    expect(session.ledger.size).toBe(0);
    expect(session.stats.requestsSeen).toBe(0);
  });
});

describe('filterRows', async () => {
  const { filterRows } = await import('../panel/panelRows');
  const { tokenLabel } = await import('../tokens/tokenTiming');
  it('keeps rows matching every typed word, across label, kind, source and origin', () => {
    const session = new CaptureSession();
    session.ingest(harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: 'Bearer opaque-token-1' } }));
    session.ingest(harEntry({ url: 'https://other.example.com/', requestCookies: [{ name: 'CF_Authorization', value: 'cookie-token-1' }] }));
    const rows = session.ledger.all();
    expect(filterRows(rows, '', tokenLabel)).toHaveLength(2);
    expect(filterRows(rows, 'cookie other', tokenLabel).map((r) => r.value)).toEqual(['cookie-token-1']);
    expect(filterRows(rows, 'PORTAL opaque', tokenLabel).map((r) => r.value)).toEqual(['opaque-token-1']);
    expect(filterRows(rows, 'nothing-like-this', tokenLabel)).toEqual([]);
  });
});
