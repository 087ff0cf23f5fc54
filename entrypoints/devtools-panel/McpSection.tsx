import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AuthPicker } from '../../components/mcp/AuthPicker';
import { AuthReportView } from '../../components/mcp/AuthReportView';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ExportActions } from '../../components/mcp/ExportActions';
import { TargetBar } from '../../components/mcp/TargetBar';
import { TestReport } from '../../components/mcp/TestReport';
import { ToolCaller } from '../../components/mcp/ToolCaller';
import { ToolList } from '../../components/mcp/ToolList';
import { ToolResultView } from '../../components/mcp/ToolResultView';
import { chooseToken } from '../../utils/mcp/chooseToken';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { statusChangeTimesMs, statusClock } from '../../utils/panel/expiryEpoch';
import { effectiveTarget, useMcpStore, type McpActions } from './mcpStore';
import { usePanelServices } from './services';
import { usePanelStore } from './store';

/** Live MCP testing: target, credentials, "Test tools now", the report, the tools and their calls. */
export function McpSection({ actions }: { actions: McpActions }) {
  const { copy, requestHostAccess } = usePanelServices();
  const mcp = useMcpStore(
    useShallow((s) => ({
      targetUrl: s.targetUrl,
      targetEdited: s.targetEdited,
      recentTargets: s.recentTargets,
      transport: s.transport,
      timeoutSeconds: s.timeoutSeconds,
      tokenChoice: s.tokenChoice,
      extraHeadersText: s.extraHeadersText,
      running: s.running,
      inputError: s.inputError,
      report: s.report,
      runCount: s.runCount,
      selectedTool: s.selectedTool,
      argsText: s.argsText,
      argsError: s.argsError,
      argsNote: s.argsNote,
      calling: s.calling,
      callReport: s.callReport,
      checkingAuth: s.checkingAuth,
      authReport: s.authReport,
      authRunCount: s.authRunCount,
    })),
  );
  const rows = usePanelStore((s) => s.rows);
  const targets = usePanelStore((s) => s.targets);
  const url = effectiveTarget(mcp, targets[0]?.url);
  // Which token goes out depends on the clock only when a token expires or becomes valid: follow
  // that moment, not every tick.
  const changeTimes = useMemo(() => statusChangeTimesMs(rows), [rows]);
  const choiceClock = usePanelStore((s) => statusClock(changeTimes, s.nowMs));
  // The one choice: shown in the credentials line and sent by the test and the tool calls.
  const chosen = useMemo(
    () => chooseToken(rows, url, mcp.tokenChoice, choiceClock, mcp.targetEdited),
    [rows, url, mcp.tokenChoice, choiceClock, mcp.targetEdited],
  );
  const suggestions = [...new Set([...targets.map((t) => t.url), ...mcp.recentTargets])];
  const tool = mcp.report?.tools.find((t) => t.name === mcp.selectedTool);

  // Escape cancels whatever is running, like DevTools' own long operations.
  const busy = Boolean(mcp.running || mcp.calling || mcp.checkingAuth);
  useEffect(() => {
    if (!busy) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && actions.cancel();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, actions]);

  const grant = (origin: string) => {
    // permissions.request must run inside the click: no await before it.
    void requestHostAccess(origin).then((granted) => {
      if (granted) void actions.runTest(url, chosen);
    });
  };

  return (
    <section className="mcp-section" aria-label="MCP test">
      <h2 className="section-title">Test the MCP server</h2>
      {/* Each part fails alone; its Reset clears what it was showing, so nothing needs DevTools reopened. */}
      <ErrorBoundary area="target bar" onReset={actions.resetTarget}>
        <TargetBar
          url={url}
          suggestions={suggestions}
          transport={mcp.transport}
          timeoutSeconds={mcp.timeoutSeconds}
          running={mcp.running?.step}
          inputError={mcp.inputError}
          onUrl={actions.setTarget}
          onTransport={actions.setTransport}
          onTimeout={actions.setTimeoutSeconds}
          onTest={() => void actions.runTest(url, chosen)}
          onCancel={actions.cancel}
          onCheckAuth={() => void actions.checkAuth(url, chosen)}
          checkingAuth={Boolean(mcp.checkingAuth)}
        />
      </ErrorBoundary>
      <ErrorBoundary area="credentials" onReset={() => actions.setTokenChoice({ mode: 'auto' })}>
        <AuthPicker
          rows={rows}
          choice={mcp.tokenChoice}
          reason={chosen.reason}
          chosen={chosen.row}
          extraHeadersText={mcp.extraHeadersText}
          onChoice={actions.setTokenChoice}
          onExtraHeaders={actions.setExtraHeaders}
        />
      </ErrorBoundary>
      <ErrorBoundary key={`report-${mcp.runCount}`} area="test report" onReset={actions.clearReport}>
        {mcp.report && (
          <LiveTestReport
            report={mcp.report}
            run={mcp.runCount}
            copy={copy}
            onGrantHostAccess={grant}
            onCheckAuth={() => void actions.checkAuth(url, chosen)}
          />
        )}
        {mcp.report?.outcome === 'pass' && (
          <ExportActions
            url={mcp.report.url}
            serverName={mcp.report.server?.name}
            token={rows.find((r) => r.fingerprint === mcp.report?.token?.fingerprint)?.value}
            sendAs={mcp.report.token?.sendAs}
            copy={copy}
          />
        )}
      </ErrorBoundary>
      <ErrorBoundary key={`auth-${mcp.authRunCount}`} area="auth report" onReset={actions.clearAuthReport}>
        {(mcp.authReport || mcp.checkingAuth) && (
          <AuthReportView report={mcp.authReport} running={Boolean(mcp.checkingAuth)} run={mcp.authRunCount} copy={copy} />
        )}
      </ErrorBoundary>
      {mcp.report?.outcome === 'pass' && (
        <div className="tools-split">
          <ErrorBoundary key={`tools-${mcp.runCount}`} area="tool list" onReset={actions.clearReport}>
            <ToolList tools={mcp.report.tools} selected={mcp.selectedTool} onSelect={actions.selectTool} />
          </ErrorBoundary>
          <div className="tool-pane">
            <ErrorBoundary key={`tool-${mcp.runCount}-${tool?.name ?? ''}`} area="tool form" onReset={actions.deselectTool}>
              {tool && (
                <ToolCaller
                  key={tool.name}
                  tool={tool}
                  argsText={mcp.argsText}
                  argsError={mcp.argsError}
                  argsNote={mcp.argsNote}
                  calling={Boolean(mcp.calling)}
                  onArgsText={actions.setArgsText}
                  onCall={() => void actions.callSelectedTool(url, chosen)}
                  onCancel={actions.cancel}
                />
              )}
            </ErrorBoundary>
            <ErrorBoundary key={`result-${mcp.callReport?.tool ?? ''}-${mcp.callReport?.totalMs ?? ''}`} area="tool result" onReset={actions.clearCallResult}>
              {mcp.callReport && mcp.callReport.tool === tool?.name && <ToolResultView report={mcp.callReport} copy={copy} />}
            </ErrorBoundary>
          </div>
        </div>
      )}
    </section>
  );
}

/** The report says how long the token it used has left: the only part of this section on the clock. */
function LiveTestReport(props: {
  report: McpTestReport;
  run: number;
  copy(text: string): Promise<boolean>;
  onGrantHostAccess(origin: string): void;
  onCheckAuth(): void;
}) {
  const nowMs = usePanelStore((s) => s.nowMs);
  return <TestReport {...props} nowMs={nowMs} />;
}
