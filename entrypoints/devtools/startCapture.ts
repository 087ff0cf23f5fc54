import { openInspectorChannel } from '../../platform/inspectorChannel';
import { evalInInspectedPage, onNavigated, onRequestFinished, recordedRequests, type FinishedRequest } from '../../platform/devtoolsNetwork';
import { PAGE_RECORDER_SOURCE, takeRecordedBodyExpression } from '../../utils/pageTokenRecorder';
import { sendTokenSchedule } from '../../platform/backgroundLink';
import { forgetCapture, loadCapture, saveCapture } from '../../platform/captureStore';
import { CaptureSession } from '../../utils/captureSession';
import { trackedTokensFor } from '../../utils/expiryWarnings/trackedTokens';
import { createThrottledSave } from '../../utils/throttledSave';
import { mayCarryTokens } from '../../utils/extractTokensFromHarEntry';
import type { HarEntryLike } from '../../utils/har';
import type { TokenRow } from '../../utils/tokenLedger';

/** Changes are sent to the panel in batches: a page making hundreds of requests a second must not flood it. */
const FLUSH_DELAY_MS = 50;
const SAVE_INTERVAL_MS = 500;

export function startCapture(tabId: number): void {
  const session = new CaptureSession();
  const channel = openInspectorChannel(tabId);
  const pending = new Map<string, TokenRow>();
  let lastSchedule = '';
  // The background warns about expiry even while the panel is hidden; it gets fingerprints, labels and times only.
  const updateSchedule = () => {
    const tokens = trackedTokensFor(session.ledger.all(), Date.now());
    const key = JSON.stringify(tokens);
    if (key === lastSchedule) return;
    lastSchedule = key;
    sendTokenSchedule(tabId, tokens);
  };
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  // Every ingested request changes the counters, so a batch goes out even when no token changed.
  const queue = (rows: TokenRow[]) => {
    for (const row of rows) pending.set(row.fingerprint, row);
    dirty = true;
    flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
  };
  // DevTools can be closed any moment, so a new token is saved at once; updates to known ones are
  // coalesced, so a page making hundreds of requests does not cause hundreds of writes.
  let savedRowCount = 0;
  const saver = createThrottledSave(
    () => {
      savedRowCount = session.ledger.size;
      void saveCapture(tabId, { rows: session.ledger.all(), targets: session.targets });
    },
    SAVE_INTERVAL_MS,
    () => session.ledger.size !== savedRowCount,
  );
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (!dirty) return;
    dirty = false;
    if (pending.size > 0) {
      updateSchedule();
      saver.changed();
    }
    channel.post({ type: 'tokens-changed', rows: [...pending.values()], stats: session.stats, targets: session.targets });
    pending.clear();
  };
  const snapshot = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    pending.clear();
    dirty = false;
    channel.post({ type: 'tokens-snapshot', rows: session.ledger.all(), stats: session.stats, targets: session.targets });
  };

  // Keys of live requests seen while the backfill is running, so a request is not counted twice.
  let liveKeys: Set<string> | undefined = new Set();
  const keyOf = (e: HarEntryLike) => `${e.startedDateTime} ${e.request.method} ${e.request.url}`;

  onRequestFinished(async (request: FinishedRequest) => {
    liveKeys?.add(keyOf(request.entry));
    // Ask for the body at once: DevTools drops it soon after, e.g. when an OAuth callback page
    // calls history.replaceState (E2E-RECIPE §11).
    let body: string | undefined;
    let bodyLost = false;
    if (mayCarryTokens(request.entry)) {
      body = (await request.readBody()) ?? (await recoverBodyFromPage(request.entry.request.url, Date.parse(request.entry.startedDateTime)));
      bodyLost = body === undefined;
    }
    queue(session.ingest(request.entry, body, { bodyLost }));
  });

  // Tokens captured by an earlier DevTools window on this tab come back first.
  void loadCapture(tabId).then((stored) => {
    if (stored) queue(session.restore(stored.rows, stored.targets));
  });

  void recordedRequests().then((entries) => {
    for (const entry of entries) {
      if (!liveKeys?.has(keyOf(entry))) queue(session.ingest(entry, undefined, { backfill: true }));
    }
    liveKeys = undefined;
    queue([]);
  });

  void evalInInspectedPage(PAGE_RECORDER_SOURCE);
  onNavigated((url) => {
    void evalInInspectedPage(PAGE_RECORDER_SOURCE);
    channel.post({ type: 'page-navigated', url: url.split(/[?#]/)[0], at: Date.now() });
  });

  channel.onMessage((message) => {
    switch (message.type) {
      case 'panel-hello':
        snapshot();
        break;
      case 'paste-token':
        queue(session.paste(message.value, message.at));
        flush();
        break;
      case 'clear-tokens':
        session.clear();
        saver.cancel();
        savedRowCount = 0;
        void forgetCapture(tabId);
        updateSchedule();
        snapshot();
        break;
      default:
        break;
    }
  });
}

/** DevTools lost the body (the page changed its URL): ask the page recorder, once more a moment later if it is still copying. */
async function recoverBodyFromPage(url: string, startedAt: number): Promise<string | undefined> {
  for (const delay of [0, 150]) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const body = await evalInInspectedPage<string | null>(takeRecordedBodyExpression(url, startedAt));
    if (typeof body === 'string') return body;
  }
  return undefined;
}
