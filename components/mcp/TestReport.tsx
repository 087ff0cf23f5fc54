import { timeLeftWords } from '../../utils/tokens/expiry';
import { reportMarkdown } from '../../utils/mcp/reportMarkdown';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { CopyButton } from '../CopyButton';
import { CappedText } from './CappedText';
import { RawExchange } from './RawExchange';
import { ServerLog } from './SessionActivityView';
import { withoutQuery } from '../../utils/urls';

const TRANSPORT_TEXT = { 'streamable-http': 'Streamable HTTP', sse: 'legacy HTTP+SSE' } as const;

interface Props {
  report: McpTestReport;
  run: number;
  nowMs: number;
  copy(text: string): Promise<boolean>;
  onGrantHostAccess(origin: string): void;
  /** Offered when the failure is about signing in: runs the auth checks. */
  onCheckAuth?(): void;
}

/** "7 tools, 3 resources, 2 resource templates, 1 prompt": only the lists the server advertises (and so were asked for). */
function ReportCounts({ report }: { report: McpTestReport }) {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const parts = [n(report.tools.length, 'tool')];
  if (report.resources) parts.push(n(report.resources.length, 'resource'), n(report.resourceTemplates?.length ?? 0, 'resource template'));
  if (report.prompts) parts.push(n(report.prompts.length, 'prompt'));
  return (
    <strong
      data-testid="report-counts"
      data-tools={report.tools.length}
      {...(report.resources ? { 'data-resources': report.resources.length, 'data-resource-templates': report.resourceTemplates?.length ?? 0 } : {})}
      {...(report.prompts ? { 'data-prompts': report.prompts.length } : {})}
    >
      {parts.join(', ')}
    </strong>
  );
}

/** The answer to "does it work?": one sentence first, then the evidence. Server text renders as text. */
const AUTH_FAILURES = new Set(['unauthorized', 'token-expired', 'forbidden', 'not-mcp']);

export function TestReport({ report, run, nowMs, copy, onGrantHostAccess, onCheckAuth }: Props) {
  if (report.outcome === 'cancelled') {
    return (
      <div className="report report-cancelled" data-testid="test-cancelled" data-run={run}>
        Test cancelled after {report.totalMs} ms.
      </div>
    );
  }
  const pass = report.outcome === 'pass';
  const tokenLeft = report.token?.expiresAt !== undefined ? Math.floor(report.token.expiresAt - nowMs / 1000) : undefined;
  return (
    <section
      className={`report report-${report.outcome}`}
      data-testid="test-report"
      data-outcome={report.outcome}
      data-run={run}
      data-total-ms={report.totalMs}
      data-transport={report.transport ?? ''}
      {...(report.failure ? { 'data-error-kind': report.failure.kind } : {})}
      aria-live="polite"
    >
      {pass ? (
        <p className="report-headline" data-testid="report-headline">
          <strong>
            ✓ <CappedText text={report.server?.title ?? report.server?.name ?? 'The server'} limit={200} />
          </strong>{' '}
          {report.server?.version && (
            <>
              <CappedText text={report.server.version} limit={100} />{' '}
            </>
          )}
          answered over {TRANSPORT_TEXT[report.transport!]}
          {report.fellBackToSse && ' (after Streamable HTTP was refused)'}: <ReportCounts report={report} /> in {report.totalMs} ms.
        </p>
      ) : (
        <>
          <p className="report-headline" data-testid="report-headline">
            <span className="error-kind">{report.failure?.kind}</span> <strong>{report.failure?.message}</strong>
          </p>
          {report.failure?.needsHostAccess && (
            <button type="button" className="primary" data-testid="grant-host-access" onClick={() => onGrantHostAccess(report.failure!.needsHostAccess!)}>
              Allow access to {report.failure.needsHostAccess} and test again
            </button>
          )}
          {onCheckAuth && report.failure && AUTH_FAILURES.has(report.failure.kind) && (
            <button type="button" data-testid="report-check-auth" onClick={onCheckAuth}>
              Check auth: why does this server reject me?
            </button>
          )}
          {report.failure?.wwwAuthenticate && (
            <div className="small">
              WWW-Authenticate: <CappedText as="code" testId="www-authenticate" text={report.failure.wwwAuthenticate} limit={2000} />
            </div>
          )}
          {report.failure?.detail && <CappedText as="div" className="muted small report-detail" text={report.failure.detail} limit={2000} />}
        </>
      )}
      <dl className="facts">
        <dt>Endpoint</dt>
        <CappedText as="dd" text={withoutQuery(report.url)} limit={2000} />
        {report.protocolVersion && (
          <>
            <dt>Protocol</dt>
            <CappedText as="dd" text={report.protocolVersion} limit={100} />
          </>
        )}
        {report.steps.length > 0 && (
          <>
            <dt>Steps</dt>
            <dd data-testid="report-steps">{report.steps.map((s) => `${s.name} ${s.ms} ms`).join(' · ')}</dd>
          </>
        )}
        {report.capabilities && (
          <>
            <dt>Capabilities</dt>
            <CappedText as="dd" text={Object.keys(report.capabilities).join(', ') || 'none'} limit={1000} />
          </>
        )}
        <dt>Token</dt>
        <dd data-testid="report-token">
          {report.token
            ? `${report.token.fingerprint} · ${tokenLeft === undefined ? 'expiry unknown' : timeLeftWords(tokenLeft)}${report.token.sendAs === 'cf-access-token' ? ' · sent as cf-access-token' : ''}`
            : 'none sent'}
        </dd>
        {report.instructions && (
          <>
            <dt>Instructions</dt>
            <CappedText as="dd" className="small" text={report.instructions} limit={5000} />
          </>
        )}
      </dl>
      {report.token && (
        <p className="muted small">
          Replaying a token captured from the web page is a testing shortcut: real MCP clients must get their own token from the server's authorization server.
        </p>
      )}
      {report.listNotes?.map((note) => (
        <p key={note} className="warn small" data-testid="list-note">
          {note}
        </p>
      ))}
      {report.activity?.serverRequests.map((note, i) => (
        <p key={i} className="warn small" data-testid="server-request" data-method={note.method}>
          {note.text}
        </p>
      ))}
      {report.activity && <ServerLog entries={report.activity.serverLog} dropped={report.activity.droppedLog} testId="report-server-log" />}
      <div className="actions">
        <CopyButton label="Copy report (no token values)" text={() => reportMarkdown(report, Date.now())} copy={copy} testId="copy-report" />
      </div>
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
}
