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
