import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { HandOffView } from '../../components/lifecycle/HandOffView';
import { LineageList } from '../../components/lifecycle/LineageView';
import { SessionReportActions } from '../../components/lifecycle/SessionReportActions';
import { LifetimeStatsList, TestStatsView } from '../../components/lifecycle/StatsView';
import { buildLineages } from '../../utils/lifecycle/lineage';
import { lifetimeStats } from '../../utils/lifecycle/lifetimeStats';
import type { SessionReportInput } from '../../utils/lifecycle/model';
import { testStats } from '../../utils/lifecycle/testStats';
import { resolveSelection } from '../../utils/panel/panelRows';
import { usePanelServices } from './services';
import { usePanelStore } from './store';
import { withoutQuery } from '../../utils/urls';
import './lifecycle.css';

const LINEAGE_CLOCK_MS = 10_000;

/**
 * The token lifecycle view, loaded apart from the first paint (App imports it lazily when the user
 * opens it): lineages, how the page refreshes, statistics, hand-off snippets and the session report,
 * all derived from the store on every change — never a snapshot, so a rotation shows at once.
 */
export default function LifecyclePart() {
  const { copy } = usePanelServices();
  const s = usePanelStore(
    useShallow((st) => ({
      rows: st.rows,
      nowMs: st.nowMs,
      testRuns: st.testRuns,
      tokenRequests: st.tokenRequests,
      lastAuthReport: st.lastAuthReport,
      targets: st.targets,
      selected: st.selected,
    })),
  );
  // Lineages are rebuilt when a token or request arrives, and otherwise every 10 s (for a gap that is
  // still open), not on every tick: with 500 rows a rebuild takes tens of milliseconds.
  const lineageClock = Math.floor(s.nowMs / LINEAGE_CLOCK_MS) * LINEAGE_CLOCK_MS;
  const lineages = useMemo(() => buildLineages(s.rows, s.tokenRequests, lineageClock), [s.rows, s.tokenRequests, lineageClock]);
  const lifetimes = useMemo(() => lifetimeStats(lineages), [lineages]);
  // The current target: the server Test tools now ran against last (typed or detected), else the newest MCP endpoint the page used.
  const origin = s.testRuns.at(-1)?.origin ?? s.targets[0]?.origin;
  const current = useMemo(() => (origin ? testStats(s.testRuns, origin) : undefined), [s.testRuns, origin]);
  const reportInput = (): SessionReportInput => ({
    nowMs: s.nowMs,
    lineages,
    lifetimeStats: lifetimes,
    testStats: [...new Set(s.testRuns.map((r) => r.origin))].map((o) => testStats(s.testRuns, o)),
    // The report does not keep the URL it checked: its first request went to it.
    auth: s.lastAuthReport && { url: withoutQuery(s.lastAuthReport.exchanges[0]?.url ?? s.targets[0]?.url ?? ''), report: s.lastAuthReport },
  });

  return (
    <section className="lifecycle-section" id="lifecycle-view" data-testid="lifecycle-view" aria-label="Token lifecycle">
      <h2 className="section-title">Token lifecycle</h2>
      <div className="lifecycle-columns">
        <div>
          <h3>Lineages</h3>
          <ErrorBoundary area="lineages">
            <LineageList lineages={lineages} requestsSeen={s.tokenRequests.length} nowMs={s.nowMs} />
          </ErrorBoundary>
        </div>
        <div>
          <h3>Statistics</h3>
          <ErrorBoundary area="statistics">
            <LifetimeStatsList stats={lifetimes} />
            <TestStatsView stats={current} origin={origin} />
          </ErrorBoundary>
          <h3>Hand the token on</h3>
          <ErrorBoundary area="hand-off">
            <HandOffView
              lineages={lineages}
              rows={s.rows}
              nowMs={s.nowMs}
              selected={resolveSelection(s.rows, s.selected)}
              defaultUrl={s.targets[0]?.url}
              copy={copy}
            />
          </ErrorBoundary>
          <h3>Session report</h3>
          <ErrorBoundary area="session report">
            <SessionReportActions input={reportInput} copy={copy} />
          </ErrorBoundary>
        </div>
      </div>
    </section>
  );
}
