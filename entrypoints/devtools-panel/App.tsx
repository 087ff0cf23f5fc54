import { useEffect, useMemo } from 'react';
import { ClearButton } from '../../components/ClearButton';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { LostExpiryHelp } from '../../components/LostExpiryHelp';
import { PasteBox } from '../../components/PasteBox';
import { TestingOnlyNote } from '../../components/TestingOnlyNote';
import { TokenDetail } from '../../components/TokenDetail';
import { TokenList } from '../../components/TokenList';
import { SettingsMenu } from '../../components/SettingsMenu';
import { copyText } from '../../platform/clipboard';
import { requestHostAccess } from '../../platform/hostAccess';
import { saveSettings } from '../../platform/settings';
import { findRotations } from '../../utils/tokens/rotation';
import type { TokenFeed } from '../../platform/tokenFeed';
import { tokenFingerprint } from '../../utils/tokens/fingerprint';
import { filterRows, resolveSelection } from '../../utils/panel/panelRows';
import { tokenLabel, tokenTiming } from '../../utils/tokens/tokenTiming';
import { parsePastedToken } from '../../utils/tokens/parsePastedToken';
import type { InspectorSettings } from '../../utils/settings/settings';
import { McpSection } from './McpSection';
import { panelActions, usePanelStore } from './store';

export function App({ feed }: { feed: TokenFeed }) {
  const state = usePanelStore();
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
    void saveSettings(settings);
  };
  const warningWindowSeconds = state.settings.warningWindowSeconds;
  const allowSite = () => {
    const origin = state.page.origin;
    // permissions.request must run inside the click: no await before it.
    if (origin) void requestHostAccess(origin).then((granted) => panelActions.setSiteAccess(origin, granted));
  };
  const reloadAndCapture = () => {
    panelActions.reloadRequested();
    feed.reloadAndCapture();
  };

  return (
    <div className="app">
      <header className="toolbar">
        <h1>MCP Tokens</h1>
        <PasteBox error={state.pasteError} onSubmit={paste} />
        <SettingsMenu settings={state.settings} onChange={setSettings} />
        <ClearButton disabled={state.rows.length === 0} onClear={clear} />
      </header>
      <TestingOnlyNote />
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
              <TokenList
                rows={visibleRows}
                rotations={rotations}
                selected={selected}
                nowMs={state.nowMs}
                warningWindowSeconds={warningWindowSeconds}
                onSelect={panelActions.select}
              />
            ) : (
              <EmptyList connected={state.connected} standalone={feed.mode === 'standalone'} nowMs={state.nowMs} />
            )}
          </aside>
          <div className="detail-pane">
            <ErrorBoundary key={row?.fingerprint} area="token detail">
              {row && tokenTiming(row, state.nowMs, warningWindowSeconds).status === 'unknown' && (
                <LostExpiryHelp
                  row={row}
                  pageOrigin={state.page.origin}
                  siteAccess={state.page.access}
                  reloading={state.reloading}
                  onAllowSite={allowSite}
                  onReloadAndCapture={reloadAndCapture}
                />
              )}
              {row ? (
                <TokenDetail
                  row={row}
                  replacedBy={rotations.get(row.fingerprint)}
                  nowMs={state.nowMs}
                  warningWindowSeconds={warningWindowSeconds}
                  revealed={state.revealed}
                  onToggleReveal={panelActions.toggleReveal}
                  copy={copyText}
                  signature={state.signatures[row.fingerprint]}
                  onVerifySignature={(url) => void panelActions.verifySignature(row, url)}
                />
              ) : (
                <p className="muted empty-detail">Select a token to see its header, claims and expiry.</p>
              )}
            </ErrorBoundary>
          </div>
        </div>
        <ErrorBoundary area="MCP test">
          <McpSection />
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

function EmptyList({ connected, standalone, nowMs }: { connected: boolean; standalone: boolean; nowMs: number }) {
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
