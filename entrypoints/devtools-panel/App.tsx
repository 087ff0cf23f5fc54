import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ClearButton } from '../../components/ClearButton';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { LostExpiryHelp } from '../../components/LostExpiryHelp';
import { PasteBox } from '../../components/PasteBox';
import { TestingOnlyNote } from '../../components/TestingOnlyNote';
import { TokenDetail } from '../../components/TokenDetail';
import { TokenList } from '../../components/TokenList';
import { SettingsMenu } from '../../components/SettingsMenu';
import type { TokenRow } from '../../utils/capture/tokenLedger';
import { findRotations } from '../../utils/tokens/rotation';
import { tokenFingerprint } from '../../utils/tokens/fingerprint';
import { filterRows, resolveSelection } from '../../utils/panel/panelRows';
import { tokenLabel, tokenTiming } from '../../utils/tokens/tokenTiming';
import { parsePastedToken } from '../../utils/tokens/parsePastedToken';
import type { InspectorSettings } from '../../utils/settings/settings';
import { usePanelServices } from './services';
import { panelActions, usePanelStore } from './store';

// The MCP tester (the SDK, forms, results) is its own chunk: the token list paints without it.
const McpPart = lazy(() => import('./McpPart'));
// The lifecycle view (lineages, statistics, hand-off) too: it loads the first time it is opened.
const LifecyclePart = lazy(() => import('./LifecyclePart'));

export function App() {
  const services = usePanelServices();
  const { feed } = services;
  // Narrow subscriptions: the 1 Hz clock re-renders only the parts that show time (TokenListPane, DetailPane).
  const state = usePanelStore(
    useShallow((s) => ({
      rows: s.rows,
      selected: s.selected,
      filter: s.filter,
      settings: s.settings,
      pasteError: s.pasteError,
      stats: s.stats,
      connected: s.connected,
      lastNavigation: s.lastNavigation,
    })),
  );
  useEffect(() => {
    if (feed.tabId !== undefined) document.body.dataset.inspectedTabId = String(feed.tabId);
    document.body.dataset.ready = '1';
  }, [feed.tabId]);
  const selected = resolveSelection(state.rows, state.selected);
  const row = state.rows.find((r) => r.fingerprint === selected);
  const rotations = useMemo(() => findRotations(state.rows), [state.rows]);
  const visibleRows = useMemo(() => filterRows(state.rows, state.filter, tokenLabel), [state.rows, state.filter]);

  const paste = (text: string) => {
    const result = parsePastedToken(text);
    if (!result.ok) {
      panelActions.setPasteError(result.reason);
      return false;
    }
    panelActions.setPasteError(undefined);
    feed.paste(result.token);
    panelActions.select(tokenFingerprint(result.token));
    return true;
  };
  const clear = () => {
    panelActions.cleared();
    feed.clear();
  };
  const setSettings = (settings: InspectorSettings) => {
    panelActions.setSettings(settings);
    void services.saveSettings(settings);
  };
  const warningWindowSeconds = state.settings.warningWindowSeconds;
  // Open or closed for as long as the panel is open; not stored.
  const [lifecycleOpen, setLifecycleOpen] = useState(false);

  return (
    <div className="app">
      <header className="toolbar">
        <h1>MCP Tokens</h1>
        <PasteBox error={state.pasteError} onSubmit={paste} />
        <button
          type="button"
          data-testid="lifecycle-toggle"
          aria-pressed={lifecycleOpen}
          aria-controls="lifecycle-view"
          title="Token lineages, how the page refreshes, statistics and hand-off snippets"
          onClick={() => setLifecycleOpen((open) => !open)}
        >
          Lifecycle
        </button>
        <SettingsMenu settings={state.settings} onChange={setSettings} />
        <ClearButton disabled={state.rows.length === 0} onClear={clear} />
      </header>
      <TestingOnlyNote />
      {lifecycleOpen && (
        <ErrorBoundary area="token lifecycle">
          <Suspense fallback={<p className="muted lifecycle-loading">Loading the lifecycle view…</p>}>
            <LifecyclePart />
          </Suspense>
        </ErrorBoundary>
      )}
      <main className="workspace">
        <div className="split">
          <aside className="list-pane">
            {state.rows.length > 0 && (
              <input
                className="token-filter"
                data-testid="token-filter"
                type="search"
                placeholder="Filter tokens (origin, kind, cookie, …)"
                aria-label="Filter tokens"
                value={state.filter}
                onChange={(e) => panelActions.setFilter(e.target.value)}
              />
            )}
            {state.rows.length > 0 && visibleRows.length === 0 && <p className="muted empty">No token matches “{state.filter}”.</p>}
            {state.rows.length > 0 ? (
              <TokenListPane rows={visibleRows} rotations={rotations} selected={selected} warningWindowSeconds={warningWindowSeconds} />
            ) : (
              <EmptyList connected={state.connected} standalone={feed.mode === 'standalone'} />
            )}
          </aside>
          <div className="detail-pane">
            <ErrorBoundary key={row?.fingerprint} area="token detail">
              {row ? (
                <DetailPane row={row} replacedBy={rotations.get(row.fingerprint)} warningWindowSeconds={warningWindowSeconds} />
              ) : (
                <p className="muted empty-detail">Select a token to see its header, claims and expiry.</p>
              )}
            </ErrorBoundary>
          </div>
        </div>
        <ErrorBoundary area="MCP test">
          <Suspense fallback={<McpLoading />}>
            <McpPart />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer
        className="status-bar"
        data-testid="capture-stats"
        data-requests-seen={state.stats.requestsSeen}
        data-last-navigation-at={state.lastNavigation?.at ?? ''}
      >
        {feed.mode === 'devtools' ? (
          <>
            {state.stats.requestsSeen} requests watched · {state.rows.length} tokens
            {rotations.size > 0 && ` · ${rotations.size} token${rotations.size === 1 ? '' : 's'} rotated`}
            {state.stats.bodiesLost > 0 && ` · ${state.stats.bodiesLost} response bodies were gone before they could be read`}
            {state.lastNavigation && ` · page navigated to ${state.lastNavigation.url}; tokens kept`}
          </>
        ) : (
          'Opened outside DevTools: no traffic to watch; pasted tokens work.'
        )}
      </footer>
    </div>
  );
}

const PANEL_OPENED_AT = Date.now();

function EmptyList({ connected, standalone }: { connected: boolean; standalone: boolean }) {
  const nowMs = usePanelStore((s) => (s.connected ? 0 : s.nowMs));
  if (!connected) {
    // The devtools page answers within milliseconds; after a few seconds, say so instead of waiting silently.
    return nowMs - PANEL_OPENED_AT < 3000 ? (
      <p className="muted empty">Connecting to the capture…</p>
    ) : (
      <p className="warn empty" data-testid="capture-unreachable">
        The capture side of this DevTools window does not answer: close and reopen DevTools.
      </p>
    );
  }
  return (
    <div className="muted empty" data-testid="empty-list">
      {standalone && (
        <p data-testid="welcome">
          <strong>Installed.</strong> Open DevTools (F12) on the page that talks to your MCP portal and pick the <strong>MCP Tokens</strong> panel: it captures
          the tokens the page sends. This tab decodes pasted tokens.
        </p>
      )}
      <p>No tokens yet.</p>
      {!standalone && <p>Use the page (sign in, reload, call its API): tokens in Authorization headers, cookies, token responses and URLs appear here.</p>}
      <p>Or paste one above.</p>
    </div>
  );
}

/** The token list: on the clock, for its countdowns. */
function TokenListPane(props: { rows: TokenRow[]; rotations: Map<string, string>; selected?: string; warningWindowSeconds: number }) {
  const nowMs = usePanelStore((s) => s.nowMs);
  return <TokenList {...props} nowMs={nowMs} onSelect={panelActions.select} />;
}

/** The selected token: its detail on the clock, and why its expiry is unknown when a response was lost. */
function DetailPane({ row, replacedBy, warningWindowSeconds }: { row: TokenRow; replacedBy?: string; warningWindowSeconds: number }) {
  const services = usePanelServices();
  const detail = usePanelStore(
    useShallow((s) => ({
      nowMs: s.nowMs,
      revealed: s.revealed,
      signature: s.signatures[row.fingerprint],
      page: s.page,
      reloading: s.reloading,
      clockSkewSeconds: s.clockSkewSeconds,
    })),
  );
  const allowSite = () => {
    const origin = detail.page.origin;
    // permissions.request must run inside the click: no await before it.
    if (origin) void services.requestHostAccess(origin).then((granted) => panelActions.setSiteAccess(origin, granted));
  };
  const reloadAndCapture = () => {
    panelActions.reloadRequested();
    services.feed.reloadAndCapture();
  };
  return (
    <>
      {detail.clockSkewSeconds !== undefined && (
        <p className="lost-expiry" data-testid="clock-skew-note" data-skew-seconds={detail.clockSkewSeconds}>
          Times count against the tested server&rsquo;s clock, which is {Math.abs(detail.clockSkewSeconds)} s{' '}
          {detail.clockSkewSeconds < 0 ? 'behind' : 'ahead of'} yours (its <code>Date</code> header, in the last auth check): that is when the server will call
          the token expired.
        </p>
      )}
      {tokenTiming(row, detail.nowMs, warningWindowSeconds).status === 'unknown' && (
        <LostExpiryHelp
          row={row}
          pageOrigin={detail.page.origin}
          siteAccess={detail.page.access}
          reloading={detail.reloading}
          onAllowSite={allowSite}
          onReloadAndCapture={reloadAndCapture}
        />
      )}
      <TokenDetail
        row={row}
        replacedBy={replacedBy}
        nowMs={detail.nowMs}
        warningWindowSeconds={warningWindowSeconds}
        revealed={detail.revealed}
        onToggleReveal={panelActions.toggleReveal}
        copy={services.copy}
        signature={detail.signature}
        onVerifySignature={(url) => void panelActions.verifySignature(row, url, services.fetch)}
      />
    </>
  );
}

/** Holds the MCP section's place while its code loads (a few milliseconds), so nothing jumps. */
function McpLoading() {
  return (
    <section className="mcp-section" aria-label="MCP test" aria-busy="true">
      <h2 className="section-title">Test the MCP server</h2>
      <p className="muted">Loading the MCP tester…</p>
    </section>
  );
}
