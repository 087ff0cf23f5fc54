import { memo } from 'react';
import type { ToolCallReport } from '../../utils/mcp/callTool';
import { CappedJson, CappedText } from './CappedText';
import { ContentItem } from './ContentItem';
import { OperationFailure, SessionActivityView } from './SessionActivityView';
import { RawExchange } from './RawExchange';

/** Every content type MCP defines, as inert elements: text as text (capped), media only as data: URLs of media types. */
export const ToolResultView = memo(function ToolResultView({ report, copy }: { report: ToolCallReport; copy(text: string): Promise<boolean> }) {
  if (report.outcome !== 'pass' || !report.result) return <OperationFailure report={report} testId="tool-result" copy={copy} />;
  const { result } = report;
  const isError = result.isError === true;
  const check = report.outputCheck;
  return (
    <section className={`report ${isError ? 'report-fail' : 'report-pass'}`} data-testid="tool-result" data-is-error={String(isError)}>
      <p className="report-headline">
        {isError ? (
          <strong>The tool reported an error (isError): the call reached the tool, which failed.</strong>
        ) : (
          <strong>
            <CappedText text={report.tool} limit={200} /> returned {result.content.length} content item{result.content.length === 1 ? '' : 's'}
          </strong>
        )}{' '}
        <span className="muted">
          in {report.ms} ms ({report.totalMs} ms with connect and close)
        </span>
      </p>
      {result.content.slice(0, 100).map((item, i) => (
        <ContentItem key={i} item={item} />
      ))}
      {result.content.length > 100 && <p className="muted small">… and {result.content.length - 100} more content items (see the raw exchange).</p>}
      {result.structuredContent !== undefined && (
        <div className="structured">
          <h4>structuredContent</h4>
          <CappedJson value={result.structuredContent} testId="structured-content" />
          {check !== undefined && <OutputCheck errors={check.errors} unchecked={check.unchecked} />}
        </div>
      )}
      <SessionActivityView report={report} />
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
});

function OutputCheck({ errors, unchecked }: { errors: string[]; unchecked?: string }) {
  const verdict = errors.length > 0 ? 'false' : unchecked ? 'unchecked' : 'true';
  return (
    <div data-testid="output-schema-check" data-valid={verdict}>
      {errors.length === 0 ? (
        <p className={unchecked ? 'muted small' : 'ok small'}>{unchecked ? 'No problems found in what was checked.' : "Matches the tool's outputSchema."}</p>
      ) : (
        <p className="warn small">Does not match the outputSchema: {errors.join('; ')}</p>
      )}
      {unchecked && (
        <p className="warn small" data-testid="output-schema-unchecked">
          {unchecked}
        </p>
      )}
    </div>
  );
}
