import { openCaptureSide } from '../../platform/inspectorChannel';
import { onNavigated, onRequestFinished, recordedRequests, type FinishedRequest } from '../../platform/devtoolsNetwork';
import { onEarlyRecorderCopies, reloadWithRecorder, takeReloadRecorderCopies } from '../../platform/recorderLink';
import { inspectedPageOrigin } from '../../platform/siteAccess';
import { originOf } from '../../utils/capture/har';
import { sendTokenSchedule } from '../../platform/backgroundLink';
import { forgetCapture, loadCapture, saveCapture } from '../../platform/captureStore';
import { CaptureSession } from '../../utils/capture/captureSession';
import { parseRecordedResponse, RecordedCopies, type ReportedRequest } from '../../utils/capture/recordedCopies';
import { harEntryKey, LateSetCookieWatch } from '../../utils/capture/lateSetCookies';
import { transferableRows } from '../../utils/capture/transferableRows';
import { trackedTokensFor } from '../../utils/expiryWarnings/trackedTokens';
import { createThrottledSave } from '../../utils/capture/throttledSave';
import { mayCarryTokens } from '../../utils/capture/extractTokensFromHarEntry';
import { isTokenRequestError } from '../../utils/lifecycle/tokenRequestFacts';
import type { LifecycleRecords } from '../../utils/links/panelChannel';
import type { HarEntryLike } from '../../utils/capture/har';
import type { CaptureToPanel } from '../../utils/links/panelChannel';
import type { TokenRow } from '../../utils/capture/tokenLedger';
import { withoutQuery } from '../../utils/urls';

/**
 * A burst of requests is sent to the panel in batches; a lone request goes at once, so a token
 * shows up without a fixed delay.
 */
const BATCH_INTERVAL_MS = 50;
const SAVE_INTERVAL_MS = 500;
/** How long a lost body waits for the recorder's copy: it is sent as soon as the page has read the response. */
const COPY_WAIT_MS = 1000;
/** After that, a copy is still taken for a while, and fills in the lost body when it comes. */
const LATE_COPY_WAIT_MS = 30_000;

const reportedRequest = (entry: HarEntryLike): ReportedRequest => ({
  url: entry.request.url,
  method: entry.request.method,
  startedAt: Date.parse(entry.startedDateTime),
});
/** First look for Set-Cookie headers Chrome attached late; later looks are spaced wider. */
const COOKIE_RECHECK_MS = 300;

export function startCapture(tabId: number): void {
  const session = new CaptureSession();
  const channel = openCaptureSide(tabId);
  const copies = new RecordedCopies();
  const pending = new Map<string, TokenRow>();
  let lastSchedule = '';
  /** The lifecycle version the panel last received: the records go out again only when they change. */
  let sentLifecycle = -1;
  let savedLifecycle = -1;
  const lifecycle = (): LifecycleRecords => {
    sentLifecycle = session.lifecycleVersion;
    return { tokenRequests: session.tokenRequests, testRuns: session.testRuns };
  };
  /** Set while a "reload and capture" recorder is in the page: its copies are fetched with this secret. */
  let reloadSecret: string | undefined;
  let reloadOrigin: string | undefined;

  // The background warns about expiry even while the panel is hidden; it gets fingerprints, labels and times only.
  const updateSchedule = () => {
    const tokens = trackedTokensFor(session.ledger.all());
    const key = JSON.stringify(tokens);
    if (key === lastSchedule) return;
    lastSchedule = key;
    sendTokenSchedule(tabId, tokens);
  };

  // A row that cannot be cloned (a hostile token) must not stop capture: such rows are replaced by
  // a row that says why, and everything else still goes out.
  const post = (message: Extract<CaptureToPanel, { rows: TokenRow[] }>) => {
    try {
      channel.post(message);
    } catch {
      channel.post({ ...message, rows: transferableRows(message.rows) });
    }
  };

  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = -Infinity;
  let dirty = false;
  // Every ingested request changes the counters, so a batch goes out even when no token changed.
  const queue = (rows: TokenRow[]) => {
    for (const row of rows) pending.set(row.fingerprint, row);
    dirty = true;
    if (flushTimer !== undefined) return;
    const wait = lastFlushAt + BATCH_INTERVAL_MS - Date.now();
    if (wait <= 0) flush();
    else flushTimer = setTimeout(flush, wait);
  };
  // DevTools can be closed any moment, so a new token is saved at once; updates to known ones are
  // coalesced, so a page making hundreds of requests does not cause hundreds of writes.
  let savedRowCount = 0;
  const saver = createThrottledSave(
    () => {
      savedRowCount = session.ledger.size;
      savedLifecycle = session.lifecycleVersion;
      void saveCapture(tabId, {
        rows: transferableRows(session.ledger.all()),
        targets: session.targets,
        lifecycle: { tokenRequests: session.tokenRequests, testRuns: session.testRuns },
      });
    },
    SAVE_INTERVAL_MS,
    () => session.ledger.size !== savedRowCount || session.lifecycleVersion !== savedLifecycle,
  );
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    lastFlushAt = Date.now();
    if (!dirty) return;
    dirty = false;
    const rows = [...pending.values()];
    pending.clear();
    if (rows.length > 0) updateSchedule();
    const lifecycleChanged = session.lifecycleVersion !== sentLifecycle;
    if (rows.length > 0 || lifecycleChanged) saver.changed();
    post({ type: 'tokens-changed', rows, stats: session.stats, targets: session.targets, ...(lifecycleChanged ? { lifecycle: lifecycle() } : {}) });
  };
  const snapshot = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    pending.clear();
    dirty = false;
    post({ type: 'tokens-snapshot', rows: session.ledger.all(), stats: session.stats, targets: session.targets, lifecycle: lifecycle() });
  };

  /** DevTools lost the body (the page changed its URL): the recorder's copy of it, if there is one. */
  const recoverBody = async (entry: HarEntryLike): Promise<string | undefined> => {
    const request = reportedRequest(entry);
    if (reloadSecret) {
      // The reload recorder cannot push: ask it, once more a moment later if it is still copying.
      for (const delay of [0, 150, 400]) {
        if (delay) await new Promise((r) => setTimeout(r, delay));
        for (const value of await takeReloadRecorderCopies(reloadSecret)) {
          const copy = parseRecordedResponse(value);
          if (copy) copies.add(copy);
        }
        const copy = copies.take(request);
        if (copy) return copy.body;
      }
    }
    return (await copies.waitFor(request, COPY_WAIT_MS))?.body;
  };

  // Set-Cookie headers Chrome attached after reporting the request: looked up again in a fresh HAR.
  const lateCookies = new LateSetCookieWatch();
  let cookieSweep: ReturnType<typeof setTimeout> | undefined;
  const scheduleCookieSweep = (delay: number) => {
    cookieSweep ??= setTimeout(async () => {
      const found = lateCookies.take(await recordedRequests(), Date.now());
      cookieSweep = undefined;
      for (const entry of found) queue(session.ingestLateSetCookies(entry));
      if (lateCookies.size > 0) scheduleCookieSweep(COOKIE_RECHECK_MS * 2);
    }, delay);
  };

  // Keys of live requests seen while the backfill is running, so a request is not counted twice.
  let liveKeys: Set<string> | undefined = new Set();
  const keyOf = harEntryKey;

  onEarlyRecorderCopies(tabId, (value) => {
    const copy = parseRecordedResponse(value);
    if (copy) copies.add(copy);
  });

  onRequestFinished(async (request: FinishedRequest) => {
    liveKeys?.add(keyOf(request.entry));
    // Ask for the body at once: DevTools drops it when the page changes its URL, e.g. an OAuth
    // callback page calling history.replaceState right after the token exchange.
    let body: string | undefined;
    let bodyLost = false;
    // A token request's error body (invalid_grant …) is read too: the lifecycle explains it.
    if (mayCarryTokens(request.entry) || isTokenRequestError(request.entry)) {
      body = (await request.readBody()) ?? (await recoverBody(request.entry));
      bodyLost = body === undefined;
    }
    queue(session.ingest(request.entry, body, { bodyLost }));
    // A copy that arrives later still counts (a busy page or machine): the lost body is filled in then.
    if (bodyLost)
      void copies.waitFor(reportedRequest(request.entry), LATE_COPY_WAIT_MS).then((copy) => copy && queue(session.recoverLostBody(request.entry, copy.body)));
    // Chrome only: Firefox hands Set-Cookie over with the request.
    if (!import.meta.env.FIREFOX && lateCookies.note(request.entry, Date.now())) scheduleCookieSweep(COOKIE_RECHECK_MS);
  });

  // Tokens captured by an earlier DevTools window on this tab come back first.
  void loadCapture(tabId).then((stored) => {
    if (stored) queue(session.restore(stored.rows, stored.targets, stored.lifecycle));
  });

  void recordedRequests().then((entries) => {
    for (const entry of entries) {
      if (!liveKeys?.has(keyOf(entry))) queue(session.ingest(entry, undefined, { backfill: true }));
    }
    liveKeys = undefined;
    queue([]);
  });

  onNavigated((url) => {
    // The reload recorder's secret is only ever asked of pages of the origin that was reloaded: a page
    // of another origin the tab goes to must not receive it. (Same-document URL changes, such as an
    // OAuth callback's replaceState, keep the origin.)
    if (reloadSecret !== undefined && originOf(url) !== reloadOrigin) reloadSecret = undefined;
    channel.post({ type: 'page-navigated', url: withoutQuery(url), at: Date.now() });
  });

  channel.onMessage((message) => {
    switch (message.type) {
      case 'panel-hello':
        snapshot();
        break;
      case 'test-run':
        session.addTestRun(message.run);
        queue([]);
        break;
      case 'paste-token':
        queue(session.paste(message.value, message.at));
        flush();
        break;
      case 'reload-and-capture':
        copies.clear();
        void inspectedPageOrigin().then((origin) => {
          reloadOrigin = origin;
          if (origin) reloadSecret = reloadWithRecorder();
        });
        break;
      case 'clear-tokens':
        session.clear();
        copies.clear();
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
