import { describe, expect, it } from 'vitest';
import { EMPTY_CAPTURE_STATS } from '../utils/capture/captureStats';
import { openCaptureSide, openPanelSide } from './inspectorChannel';

describe('the panel ↔ devtools-page link of one tab', () => {
  it('delivers typed messages both ways, drops garbage, and keeps tabs apart', async () => {
    const capture = openCaptureSide(9);
    const panel = openPanelSide(9);
    const otherTab = openPanelSide(10);
    const atCapture: unknown[] = [];
    const atPanel: unknown[] = [];
    const atOther: unknown[] = [];
    capture.onMessage((m) => atCapture.push(m));
    panel.onMessage((m) => atPanel.push(m));
    otherTab.onMessage((m) => atOther.push(m));

    const raw = new BroadcastChannel('mcp-token-inspector/tab/9');
    raw.postMessage({ type: 'tokens-snapshot', rows: 'not rows' });
    raw.postMessage({ type: 'paste-token', value: 42 });
    panel.post({ type: 'panel-hello' });
    capture.post({ type: 'tokens-snapshot', rows: [], stats: EMPTY_CAPTURE_STATS, targets: [] });

    await new Promise((r) => setTimeout(r, 50));
    expect(atCapture).toEqual([{ type: 'panel-hello' }]);
    expect(atPanel).toEqual([{ type: 'tokens-snapshot', rows: [], stats: EMPTY_CAPTURE_STATS, targets: [] }]);
    expect(atOther).toEqual([]);
    for (const l of [capture, panel, otherTab]) l.close();
    raw.close();
  });
});
