import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_CAPTURE_STATS } from '../capture/captureStats';
import { TokenLedger } from '../capture/tokenLedger';
import { parseCaptureToPanel, parsePanelToCapture } from './panelChannel';

const rows = new TokenLedger().record([{ value: 'oauth:abc', source: 'authorization-header', name: 'Authorization', origin: 'https://a.example', at: 1 }]);

describe('the panel ↔ devtools-page channel validators', () => {
  it('pass every well-formed message through, as sent', () => {
    for (const m of [
      { type: 'panel-hello' },
      { type: 'clear-tokens' },
      { type: 'reload-and-capture' },
      { type: 'paste-token', value: 'eyJ.x.y', at: 5 },
      {
        type: 'test-run',
        run: { at: 5, origin: 'https://a.example', outcome: 'fail', errorKind: 'token-expired', tokenFingerprint: 'abc', tokenSecondsLeft: -3 },
      },
    ] as const) {
      expect(parsePanelToCapture(structuredClone(m))).toEqual(m);
    }
    const snapshot = { type: 'tokens-snapshot', rows, stats: EMPTY_CAPTURE_STATS, targets: [{ url: 'https://a.example/mcp', lastSeen: 1 }] };
    expect(parseCaptureToPanel(structuredClone(snapshot))).toEqual(snapshot);
    expect(parseCaptureToPanel({ type: 'page-navigated', url: 'https://a.example/', at: 1 })).toEqual({
      type: 'page-navigated',
      url: 'https://a.example/',
      at: 1,
    });
  });

  it('drop garbage: unknown types, wrong field types, a prototype that carries the fields', () => {
    for (const bad of [
      null,
      'panel-hello',
      [],
      { type: 'nope' },
      { type: 'paste-token', value: 7, at: 1 },
      { type: 'paste-token', value: '', at: 1 },
      Object.create({ type: 'panel-hello' }),
    ]) {
      expect(parsePanelToCapture(bad)).toBeUndefined();
    }
    expect(parseCaptureToPanel({ type: 'tokens-changed', rows: 'x', stats: EMPTY_CAPTURE_STATS, targets: [] })).toBeUndefined();
    expect(parseCaptureToPanel({ type: 'tokens-changed', rows: [], stats: { requestsSeen: -1 }, targets: [] })).toBeUndefined();
  });

  it('carry the lifecycle records, dropping a malformed or oversized one and keeping the rest', () => {
    const request = {
      id: '1|https://a.example/token',
      at: 1,
      endpoint: 'https://a.example/token',
      origin: 'https://a.example',
      grantType: 'refresh_token',
      bodyFormat: 'form',
      resources: ['https://a.example/mcp'],
      offlineAccessRequested: true,
      status: 200,
      issued: { access: 'f1', refresh: 'f2', expiresIn: 60 },
    };
    const parsed = parseCaptureToPanel({
      type: 'tokens-changed',
      rows: [],
      stats: EMPTY_CAPTURE_STATS,
      targets: [],
      lifecycle: {
        tokenRequests: [request, { ...request, at: -1 }, { ...request, error: { code: 'x'.repeat(5000) } }, { ...request, resources: 'all' }],
        testRuns: [
          { at: 2, origin: 'https://a.example', outcome: 'pass' },
          { at: 2, origin: 'https://a.example', outcome: 'maybe' },
        ],
      },
    });
    expect(parsed?.type === 'tokens-changed' && parsed.lifecycle).toEqual({
      tokenRequests: [request],
      testRuns: [{ at: 2, origin: 'https://a.example', outcome: 'pass' }],
    });
    expect(parsePanelToCapture({ type: 'test-run', run: { at: 1, origin: 'o', outcome: 'pass', tokenSecondsLeft: Infinity } })).toBeUndefined();
  });

  it('drop one malformed row, keep the rest of the batch', () => {
    const parsed = parseCaptureToPanel({ type: 'tokens-changed', rows: [...rows, { fingerprint: 1 }], stats: EMPTY_CAPTURE_STATS, targets: [] });
    expect(parsed?.type === 'tokens-changed' && parsed.rows.map((r) => r.value)).toEqual(['oauth:abc']);
  });

  it('never throw, whatever arrives (20,000 values each way)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parsePanelToCapture(value);
        parseCaptureToPanel(value);
      }),
      { numRuns: 20_000 },
    );
  });
});
