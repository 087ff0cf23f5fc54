import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AuthPicker } from '../../components/mcp/AuthPicker';
import { AuthReportView } from '../../components/mcp/AuthReportView';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ExportActions } from '../../components/mcp/ExportActions';
import { PromptForm, PromptList, PromptMessagesView } from '../../components/mcp/PromptPane';
import { ResourceList, ResourceResultView, TemplateForm } from '../../components/mcp/ResourcePane';
import { LiveActivityView } from '../../components/mcp/SessionActivityView';
import { TargetBar } from '../../components/mcp/TargetBar';
import { TestReport } from '../../components/mcp/TestReport';
import { ToolCaller } from '../../components/mcp/ToolCaller';
import { ToolList } from '../../components/mcp/ToolList';
import { ToolResultView } from '../../components/mcp/ToolResultView';
import { chooseToken } from '../../utils/mcp/chooseToken';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { LOGGING_LEVELS, type LoggingLevel } from '../../utils/mcp/sessionActivity';
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
      logLevel: s.logLevel,
      live: s.live,
      selectedResource: s.selectedResource,
      templateValues: s.templateValues,
      reading: s.reading,
      readReport: s.readReport,
      selectedPrompt: s.selectedPrompt,
      promptArgs: s.promptArgs,
      getting: s.getting,
      promptReport: s.promptReport,
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
  const prompt = mcp.report?.prompts?.find((p) => p.name === mcp.selectedPrompt);
  const template = mcp.selectedResource && 'uriTemplate' in mcp.selectedResource ? mcp.selectedResource.uriTemplate : undefined;
  // Stable, so the (memo) resource list is not rendered again at each live update: it may have 10,000 rows.
  const readUri = useCallback((uri: string) => void actions.readResource(url, chosen, uri), [actions, url, chosen]);
  const live = (kind: 'call' | 'read' | 'get') => mcp.live?.kind === kind && <LiveActivityView live={mcp.live} onCancel={actions.cancel} />;

  // Escape cancels whatever is running, like DevTools' own long operations.
  const busy = Boolean(mcp.running || mcp.calling || mcp.reading || mcp.getting || mcp.checkingAuth);
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
            expiresAt={mcp.report.token?.expiresAt}
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
                />
              )}
            </ErrorBoundary>
            {live('call')}
            <ErrorBoundary key={`result-${mcp.callReport?.tool ?? ''}-${mcp.callReport?.totalMs ?? ''}`} area="tool result" onReset={actions.clearCallResult}>
              {mcp.callReport && mcp.callReport.tool === tool?.name && <ToolResultView report={mcp.callReport} copy={copy} />}
            </ErrorBoundary>
          </div>
        </div>
      )}
      {mcp.report?.outcome === 'pass' && mcp.report.capabilities?.logging && (
        <label className="small">
          Server log level for calls, reads and gets{' '}
          <select data-testid="log-level" value={mcp.logLevel} onChange={(e) => actions.setLogLevel(e.target.value as LoggingLevel | '')}>
            <option value="">server default (none sent)</option>
            {LOGGING_LEVELS.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
      )}
      {mcp.report?.outcome === 'pass' && mcp.report.resources && (
        <ErrorBoundary key={`resources-${mcp.runCount}`} area="resources" onReset={actions.clearResource}>
          <h3 className="subsection-title">Resources</h3>
          <div className="tools-split">
            <ResourceList
              resources={mcp.report.resources}
              templates={mcp.report.resourceTemplates}
              selected={mcp.selectedResource}
              onRead={readUri}
              onTemplate={actions.selectTemplate}
            />
            <div className="tool-pane">
              {template && (
                <TemplateForm
                  key={template}
                  uriTemplate={template}
                  values={mcp.templateValues}
                  reading={Boolean(mcp.reading)}
                  onValue={actions.setTemplateValue}
                  onRead={() => void actions.readTemplate(url, chosen)}
                />
              )}
              {live('read')}
              {mcp.readReport && <ResourceResultView report={mcp.readReport} copy={copy} />}
            </div>
          </div>
        </ErrorBoundary>
      )}
      {mcp.report?.outcome === 'pass' && mcp.report.prompts && (
        <ErrorBoundary key={`prompts-${mcp.runCount}`} area="prompts" onReset={actions.clearPrompt}>
          <h3 className="subsection-title">Prompts</h3>
          <div className="tools-split">
            <PromptList prompts={mcp.report.prompts} selected={mcp.selectedPrompt} onSelect={actions.selectPrompt} />
            <div className="tool-pane">
              {prompt && (
                <PromptForm
                  key={prompt.name}
                  prompt={prompt}
                  values={mcp.promptArgs}
                  getting={Boolean(mcp.getting)}
                  onValue={actions.setPromptArg}
                  onGet={() => void actions.getSelectedPrompt(url, chosen)}
                />
              )}
              {live('get')}
              {mcp.promptReport && mcp.promptReport.prompt === prompt?.name && <PromptMessagesView report={mcp.promptReport} copy={copy} />}
            </div>
          </div>
        </ErrorBoundary>
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
