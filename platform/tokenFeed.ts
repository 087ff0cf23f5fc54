import { CaptureSession } from '../utils/capture/captureSession';
import type { CaptureToPanel } from '../utils/links/panelChannel';
import { inspectedTabId } from './devtoolsNetwork';
import { openPanelSide } from './inspectorChannel';
import type { TestRunRecord } from '../utils/lifecycle/types';

/** How the panel reaches the captured tokens: the devtools page inside DevTools, or a local session when opened as a tab. */
export interface TokenFeed {
  mode: 'devtools' | 'standalone';
  /** The inspected tab (DevTools mode only). */
  tabId?: number;
  paste(value: string): void;
  clear(): void;
  /** Reloads the inspected page once with the token-response recorder in place before its scripts. */
  reloadAndCapture(): void;
  /** Keeps a finished test run with the tab's capture (storage.session), for the lifecycle statistics. */
  recordTestRun(run: TestRunRecord): void;
}

export function connectTokenFeed(receive: (message: CaptureToPanel) => void): TokenFeed {
  const tabId = inspectedTabId();
  if (tabId !== undefined) {
    const channel = openPanelSide(tabId);
    channel.onMessage(receive);
    channel.post({ type: 'panel-hello' });
    return {
      mode: 'devtools',
      tabId,
      paste: (value) => channel.post({ type: 'paste-token', value, at: Date.now() }),
      clear: () => channel.post({ type: 'clear-tokens' }),
      reloadAndCapture: () => channel.post({ type: 'reload-and-capture' }),
      recordTestRun: (run) => channel.post({ type: 'test-run', run }),
    };
  }
  // Opened as an ordinary tab (no DevTools): nothing to capture, but pasted tokens still work.
  const session = new CaptureSession();
  queueMicrotask(() => receive({ type: 'tokens-snapshot', rows: [], stats: session.stats, targets: [] }));
  return {
    mode: 'standalone',
    paste(value) {
      // Copies, as the channel would deliver: the ledger updates rows in place, and the panel's
      // memoised rows must see a new object when one changes.
      const rows = structuredClone(session.paste(value, Date.now()));
      receive({ type: 'tokens-changed', rows, stats: { ...session.stats }, targets: [] });
    },
    clear() {
      session.clear();
      receive({ type: 'tokens-snapshot', rows: [], stats: session.stats, targets: [] });
    },
    reloadAndCapture() {},
    recordTestRun(run) {
      session.addTestRun(run);
      receive({
        type: 'tokens-changed',
        rows: [],
        stats: { ...session.stats },
        targets: [],
        lifecycle: { tokenRequests: [], testRuns: [...session.testRuns] },
      });
    },
  };
}
