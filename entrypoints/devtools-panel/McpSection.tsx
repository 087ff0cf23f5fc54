import { useEffect } from 'react';
import { AuthPicker } from '../../components/mcp/AuthPicker';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ExportActions } from '../../components/mcp/ExportActions';
import { TargetBar } from '../../components/mcp/TargetBar';
import { TestReport } from '../../components/mcp/TestReport';
import { ToolCaller } from '../../components/mcp/ToolCaller';
import { ToolList } from '../../components/mcp/ToolList';
import { ToolResultView } from '../../components/mcp/ToolResultView';
import { copyText } from '../../platform/clipboard';
import { requestHostAccess } from '../../platform/hostAccess';
import { chooseToken } from '../../utils/mcp/chooseToken';
import { effectiveTarget, mcpActions, useMcpStore } from './mcpStore';
import { usePanelStore } from './store';

/** Live MCP testing: target, credentials, "Test tools now", the report, the tools and their calls. */
export function McpSection() {
  const mcp = useMcpStore();
  const rows = usePanelStore((s) => s.rows);
  const targets = usePanelStore((s) => s.targets);
  const nowMs = usePanelStore((s) => s.nowMs);
  const url = effectiveTarget(mcp, targets[0]?.url);
  const chosen = chooseToken(rows, url, mcp.tokenChoice, nowMs, mcp.targetEdited);
  const suggestions = [...new Set([...targets.map((t) => t.url), ...mcp.recentTargets])];
  const tool = mcp.report?.tools.find((t) => t.name === mcp.selectedTool);

  // Escape cancels whatever is running, like DevTools' own long operations.
  const busy = Boolean(mcp.running || mcp.calling);
  useEffect(() => {
    if (!busy) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && mcpActions.cancel();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy]);

  const grant = (origin: string) => {
    // permissions.request must run inside the click: no await before it.
    void requestHostAccess(origin).then((granted) => {
      if (granted) void mcpActions.runTest(url, rows);
    });
  };

  return (
    <section className="mcp-section" aria-label="MCP test">
      <h2 className="section-title">Test the MCP server</h2>
      {/* Each part fails alone; its Reset clears what it was showing, so nothing needs DevTools reopened. */}
      <ErrorBoundary area="target bar" onReset={mcpActions.resetTarget}>
        <TargetBar
          url={url}
          suggestions={suggestions}
          transport={mcp.transport}
          timeoutSeconds={mcp.timeoutSeconds}
          running={mcp.running?.step}
          inputError={mcp.inputError}
          onUrl={mcpActions.setTarget}
          onTransport={mcpActions.setTransport}
          onTimeout={mcpActions.setTimeoutSeconds}
          onTest={() => void mcpActions.runTest(url, rows)}
          onCancel={mcpActions.cancel}
        />
      </ErrorBoundary>
      <ErrorBoundary area="credentials" onReset={() => mcpActions.setTokenChoice({ mode: 'auto' })}>
        <AuthPicker
          rows={rows}
          choice={mcp.tokenChoice}
          reason={chosen.reason}
          chosen={chosen.row}
          extraHeadersText={mcp.extraHeadersText}
          onChoice={mcpActions.setTokenChoice}
          onExtraHeaders={mcpActions.setExtraHeaders}
        />
      </ErrorBoundary>
      <ErrorBoundary key={`report-${mcp.runCount}`} area="test report" onReset={mcpActions.clearReport}>
        {mcp.report && <TestReport report={mcp.report} run={mcp.runCount} nowMs={nowMs} copy={copyText} onGrantHostAccess={grant} />}
        {mcp.report?.outcome === 'pass' && (
          <ExportActions
            url={mcp.report.url}
            serverName={mcp.report.server?.name}
            token={rows.find((r) => r.fingerprint === mcp.report?.token?.fingerprint)?.value}
            sendAs={mcp.report.token?.sendAs}
            copy={copyText}
          />
        )}
      </ErrorBoundary>
      {mcp.report?.outcome === 'pass' && (
        <div className="tools-split">
          <ErrorBoundary key={`tools-${mcp.runCount}`} area="tool list" onReset={mcpActions.clearReport}>
            <ToolList tools={mcp.report.tools} selected={mcp.selectedTool} onSelect={mcpActions.selectTool} />
          </ErrorBoundary>
          <div className="tool-pane">
            <ErrorBoundary key={`tool-${mcp.runCount}-${tool?.name ?? ''}`} area="tool form" onReset={mcpActions.deselectTool}>
              {tool && (
                <ToolCaller
                  key={tool.name}
                  tool={tool}
                  argsText={mcp.argsText}
                  argsError={mcp.argsError}
                  argsNote={mcp.argsNote}
                  calling={Boolean(mcp.calling)}
                  onArgsText={mcpActions.setArgsText}
                  onCall={() => void mcpActions.callSelectedTool(url, rows)}
                  onCancel={mcpActions.cancel}
                />
              )}
            </ErrorBoundary>
            <ErrorBoundary
              key={`result-${mcp.callReport?.tool ?? ''}-${mcp.callReport?.totalMs ?? ''}`}
              area="tool result"
              onReset={mcpActions.clearCallResult}
            >
              {mcp.callReport && mcp.callReport.tool === tool?.name && <ToolResultView report={mcp.callReport} copy={copyText} />}
            </ErrorBoundary>
          </div>
        </div>
      )}
    </section>
  );
}
