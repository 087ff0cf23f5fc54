import { create } from 'zustand';
import { DEFAULT_SETTINGS, type InspectorSettings } from '../../utils/settings/settings';
import { EMPTY_CAPTURE_STATS, type CaptureStats } from '../../utils/capture/captureStats';
import type { CaptureToPanel } from '../../utils/links/panelChannel';
import { mergeRows, sortRows } from '../../utils/panel/panelRows';
import type { SignatureState } from '../../components/SignatureCheck';
import type { SiteAccess } from '../../components/LostExpiryHelp';
import type { McpTarget } from '../../utils/mcp/detectMcpTarget';
import type { TokenRow } from '../../utils/capture/tokenLedger';
import type { TestRunRecord, TokenRequestEvent } from '../../utils/lifecycle/types';
import { MAX_TEST_RUNS } from '../../utils/lifecycle/validateLifecycle';
import type { AuthReport } from '../../utils/mcp/authDiagnostics/types';

export interface PanelState {
  rows: TokenRow[];
  /** What the user picked; the shown selection is derived (resolveSelection) so it is never stale. */
  selected?: string;
  revealed: boolean;
  nowMs: number;
  settings: InspectorSettings;
  pasteError?: string;
  stats: CaptureStats;
  /** True once the capture side answered: until then the list is "connecting", not "empty". */
  connected: boolean;
  lastNavigation?: { url: string; at: number };
  /** MCP endpoints seen in traffic, most recent first. */
  targets: McpTarget[];
  /** Text typed into the list's filter box. */
  filter: string;
  /** Signature checks by token fingerprint. */
  signatures: Record<string, SignatureState>;
  /** The inspected page's origin and whether the extension may access it (early token-response capture). */
  page: { origin?: string; access: SiteAccess };
  /** A "reload and capture" was asked for and the page has not navigated since. */
  reloading: boolean;
  /** The tested server's clock minus ours (s), when an auth check found them more than a minute apart: times count against the server's. */
  clockSkewSeconds?: number;
  /** Finished Test tools now runs of this tab, oldest first (bounded): the lifecycle statistics. */
  testRuns: TestRunRecord[];
  /** The page's token requests (grant, what was sent and issued, by fingerprint), oldest first: lineages and refresh behaviour. */
  tokenRequests: TokenRequestEvent[];
  /** The last auth check's report, for the session report. */
  lastAuthReport?: AuthReport;
}

export const usePanelStore = create<PanelState>(() => ({
  rows: [],
  revealed: false,
  nowMs: Date.now(),
  settings: DEFAULT_SETTINGS,
  stats: EMPTY_CAPTURE_STATS,
  connected: false,
  targets: [],
  signatures: {},
  filter: '',
  page: { access: 'unknown' },
  reloading: false,
  testRuns: [],
  tokenRequests: [],
}));

/** Applies a message from the capture side; a pure function of state so it is tested without a browser. */
export function applyInspectorMessage(state: PanelState, message: CaptureToPanel): Partial<PanelState> {
  switch (message.type) {
    case 'tokens-snapshot':
      return { rows: sortRows(message.rows), stats: message.stats, targets: message.targets, connected: true, ...lifecycleOf(message) };
    case 'tokens-changed':
      return { rows: mergeRows(state.rows, message.rows), stats: message.stats, targets: message.targets, connected: true, ...lifecycleOf(message) };
    case 'page-navigated':
      return { lastNavigation: { url: message.url, at: message.at }, reloading: false, page: pageAfterNavigation(state.page, message.url) };
    default:
      return {};
  }
}

/** The lifecycle records, when the message carries them (they are sent whole, and only when changed). */
function lifecycleOf(message: Extract<CaptureToPanel, { rows: TokenRow[] }>): Partial<PanelState> {
  return message.lifecycle ? { tokenRequests: message.lifecycle.tokenRequests, testRuns: message.lifecycle.testRuns } : {};
}

/** Same origin keeps what is known about access; another origin starts from "unknown". */
function pageAfterNavigation(page: PanelState['page'], url: string): PanelState['page'] {
  let origin: string | undefined;
  try {
    origin = /^https?:/.test(url) ? new URL(url).origin : undefined;
  } catch {
    origin = undefined;
  }
  return origin === page.origin ? page : { origin, access: 'unknown' };
}

export const panelActions = {
  setPageOrigin(origin: string | undefined) {
    usePanelStore.setState((s) => (s.page.origin === origin ? {} : { page: { origin, access: 'unknown' } }));
  },
  setSiteAccess(origin: string, granted: boolean) {
    usePanelStore.setState((s) => (s.page.origin === origin ? { page: { origin, access: granted ? 'granted' : 'not-granted' } } : {}));
  },
  reloadRequested() {
    usePanelStore.setState({ reloading: true });
  },
  receive(message: CaptureToPanel) {
    usePanelStore.setState((s) => applyInspectorMessage(s, message));
  },
  select(fingerprint: string) {
    usePanelStore.setState((s) => (s.selected === fingerprint ? {} : { selected: fingerprint, revealed: false }));
  },
  setFilter(filter: string) {
    usePanelStore.setState({ filter });
  },
  toggleReveal() {
    usePanelStore.setState((s) => ({ revealed: !s.revealed }));
  },
  /** The clock, on the server's time when it is known to differ: every countdown counts against it. */
  tick(localNowMs: number) {
    usePanelStore.setState((s) => ({ nowMs: localNowMs + (s.clockSkewSeconds ?? 0) * 1000 }));
  },
  setServerClockSkew(seconds: number | undefined) {
    // Beyond a day apart it is a broken or hostile Date header, not a clock: ignored.
    const skew = seconds !== undefined && Math.abs(seconds) > 60 && Math.abs(seconds) <= 86_400 ? seconds : undefined;
    usePanelStore.setState({ clockSkewSeconds: skew, nowMs: Date.now() + (skew ?? 0) * 1000 });
  },
  setPasteError(pasteError: string | undefined) {
    usePanelStore.setState({ pasteError });
  },
  setSettings(settings: InspectorSettings) {
    usePanelStore.setState({ settings });
  },
  /** Checks a JWT's signature against a key set URL the user confirmed, fetched with the panel's injected fetch. */
  async verifySignature(row: TokenRow, jwksUrl: string, fetchFn: typeof fetch) {
    const put = (check: SignatureState) => usePanelStore.setState((s) => ({ signatures: { ...s.signatures, [row.fingerprint]: check } }));
    put({ state: 'running', jwksUrl });
    // jose loads on the first check: signature checks are rare, and the token list paints without it.
    const { verifyJwtSignature } = await import('../../utils/tokens/verifyJwt');
    put(await verifyJwtSignature(row.value, jwksUrl, fetchFn));
  },
  addTestRun(run: TestRunRecord) {
    usePanelStore.setState((s) => ({ testRuns: [...s.testRuns, run].slice(-MAX_TEST_RUNS) }));
  },
  setAuthReport(lastAuthReport: AuthReport) {
    usePanelStore.setState({ lastAuthReport });
  },
  cleared() {
    usePanelStore.setState({ rows: [], selected: undefined, revealed: false, tokenRequests: [], testRuns: [] });
  },
};
