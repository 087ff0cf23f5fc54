import type { AuthFinding, AuthReport } from '../../utils/mcp/authDiagnostics/types';
import { CappedText } from './CappedText';
import { RawExchange } from './RawExchange';

const MARK: Record<AuthFinding['result'], string> = { pass: '✔', fail: '✘', warn: '⚠', skip: '–' };
const CHECK_NAMES: Record<string, string> = {
  challenge: '401 challenge',
  'resource-metadata': 'Protected resource metadata',
  'resource-matches': 'Resource identifier',
  'as-metadata': 'Authorization server metadata',
  pkce: 'PKCE (S256)',
  registration: 'Client registration',
  refresh: 'Refresh tokens',
  cors: 'Browser clients (CORS)',
  'token-audience': 'Token audience',
  'clock-skew': 'Server clock',
};

interface Props {
  report?: AuthReport;
  running: boolean;
  /** Counts finished runs, so a new report is told apart from the one it replaces. */
  run: number;
  copy(text: string): Promise<boolean>;
}

/**
 * "Will a real MCP client get in?": the verdict in one sentence, then one line per check with its
 * evidence and the spec it rests on. Everything the server sent renders as text.
 */
export function AuthReportView({ report, running, run, copy }: Props) {
  return (
    <section
      className={`report auth-report auth-${report?.verdict ?? 'none'}`}
      data-testid="auth-report"
      data-run={run}
      data-verdict={report?.verdict ?? ''}
      aria-busy={running ? 'true' : 'false'}
      aria-live="polite"
    >
      {running && !report && <p className="muted">Checking how this server signs clients in…</p>}
      {report && (
        <>
          <p className="report-headline" data-testid="auth-verdict">
            <strong>
              <CappedText text={report.verdictSentence} limit={400} />
            </strong>
            {running && <span className="muted"> (checking again…)</span>}
          </p>
          <ul className="auth-findings">
            {report.findings.map((f) => (
              <li key={f.check} className={`auth-finding auth-${f.result}`} data-testid="auth-finding" data-check={f.check} data-result={f.result}>
                <span className="auth-mark" aria-label={f.result}>
                  {MARK[f.result]}
                </span>{' '}
                <strong>{CHECK_NAMES[f.check] ?? f.check}</strong>: <CappedText text={f.sentence} limit={600} />
                {f.evidence.length > 0 && (
                  <dl className="auth-evidence small">
                    {f.evidence.map((e, i) => (
                      <div key={i}>
                        <dt>{e.label}</dt>
                        <CappedText as="dd" text={e.value} limit={600} />
                      </div>
                    ))}
                  </dl>
                )}
                {f.spec && (
                  <div className="small muted">
                    Spec:{' '}
                    <a href={f.spec.url} target="_blank" rel="noreferrer">
                      {f.spec.name}
                    </a>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <RawExchange exchanges={report.exchanges} messages={[]} copy={copy} />
        </>
      )}
    </section>
  );
}
