import type { OperationReport } from '../../utils/mcp/operation';
import { progressText, type ProgressView } from '../../utils/mcp/progress';
import type { LiveActivity, ServerLogEntry, ServerRequestNote } from '../../utils/mcp/sessionActivity';
import { CappedText } from './CappedText';
import { RawExchange } from './RawExchange';

const VERB = { call: 'Calling', read: 'Reading', get: 'Getting the prompt' } as const;

/** While a call, read or get runs: the server's progress, its log lines and requests, and Cancel. */
export function LiveActivityView({ live, onCancel }: { live: LiveActivity; onCancel(): void }) {
  return (
    <div className="live-activity" aria-live="polite">
      <p className="progress">
        <span className="spinner" aria-hidden="true" /> {VERB[live.kind]}…{' '}
        <button type="button" data-testid="call-cancel" onClick={onCancel}>
          Cancel
        </button>
      </p>
      {live.progress && <ProgressBar view={live.progress} />}
      <ServerRequests notes={live.requests} />
      <ServerLog entries={live.log} />
    </div>
  );
}

function ProgressBar({ view }: { view: ProgressView }) {
  return (
    <div
      className="call-progress"
      data-testid="call-progress"
      data-progress={view.progress}
      {...(view.total !== undefined ? { 'data-total': view.total } : {})}
    >
      <progress {...(view.percent !== undefined ? { value: view.percent, max: 100 } : {})} /> <span className="small">{progressText(view)}</span>
    </div>
  );
}

function ServerRequests({ notes }: { notes: ServerRequestNote[] }) {
  return notes.map((note, i) => (
    <p key={i} className="warn small" data-testid="server-request" data-method={note.method}>
      {note.text}
    </p>
  ));
}

/** The server's log lines, its words as text. */
export function ServerLog({ entries, dropped = 0, testId = 'server-log' }: { entries: ServerLogEntry[]; dropped?: number; testId?: string }) {
  if (entries.length === 0) return null;
  return (
    <ol className="server-log" data-testid={testId} aria-label="Server log">
      {entries.map((e, i) => (
        <li key={i} data-testid="server-log-line" data-level={e.level}>
          <span className={`log-level log-${e.level}`}>{e.level}</span> {e.logger && <span className="muted">{e.logger}: </span>}
          <CappedText text={e.text} limit={1000} />
        </li>
      ))}
      {dropped > 0 && <li className="muted">… {dropped} more log messages not kept.</li>}
    </ol>
  );
}

/** After a call, read or get: what the server asked for and logged, and how far its progress got. */
export function SessionActivityView({ report }: { report: OperationReport<unknown> }) {
  const { activity } = report;
  return (
    <>
      {report.progress && <p className="muted small">Progress reported: {progressText(report.progress)}</p>}
      <ServerRequests notes={activity.serverRequests} />
      <ServerLog entries={activity.serverLog} dropped={activity.droppedLog} />
    </>
  );
}

/** A call, read or get that was cancelled or failed: one sentence, then the evidence. */
export function OperationFailure({ report, testId, copy }: { report: OperationReport<unknown>; testId: string; copy(text: string): Promise<boolean> }) {
  if (report.outcome === 'cancelled') {
    return (
      <div className="report report-cancelled" data-testid="call-cancelled">
        {report.cancellation}
        <SessionActivityView report={report} />
      </div>
    );
  }
  return (
    <section className="report report-fail" data-testid={testId} data-is-error="true" data-error-kind={report.failure?.kind}>
      <p className="report-headline">
        <span className="error-kind">{report.failure?.kind}</span> <strong>{report.failure?.message}</strong>
      </p>
      {report.failure?.detail && <CappedText as="div" className="muted small" text={report.failure.detail} limit={2000} />}
      <SessionActivityView report={report} />
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
}
