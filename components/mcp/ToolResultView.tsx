import { memo } from 'react';
import type { ToolCallReport } from '../../utils/mcp/callTool';
import { CappedJson, CappedText } from './CappedText';
import { RawExchange } from './RawExchange';

type Content = NonNullable<ToolCallReport['result']>['content'][number];

const SAFE_IMAGE = /^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml)$/i;
const SAFE_AUDIO = /^audio\/[\w.+-]+$/i;

/** Every content type MCP defines, as inert elements: text as text (capped), media only as data: URLs of media types. */
export const ToolResultView = memo(function ToolResultView({ report, copy }: { report: ToolCallReport; copy(text: string): Promise<boolean> }) {
  if (report.outcome === 'cancelled') return <div className="report report-cancelled">Call cancelled.</div>;
  if (report.outcome === 'fail' || !report.result) {
    return (
      <section className="report report-fail" data-testid="tool-result" data-is-error="true" data-error-kind={report.failure?.kind}>
        <p className="report-headline">
          <span className="error-kind">{report.failure?.kind}</span> <strong>{report.failure?.message}</strong>
        </p>
        {report.failure?.detail && <CappedText as="div" className="muted small" text={report.failure.detail} limit={2000} />}
        <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
      </section>
    );
  }
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

function ContentItem({ item }: { item: Content }) {
  switch (item.type) {
    case 'text':
      return <CappedText as="pre" className="json content-text" text={item.text} />;
    case 'image':
      return SAFE_IMAGE.test(item.mimeType) ? (
        <img className="content-image" alt="Image returned by the tool" src={`data:${item.mimeType};base64,${item.data}`} />
      ) : (
        <p className="muted">Image of type {item.mimeType.slice(0, 100)} (not shown).</p>
      );
    case 'audio':
      return SAFE_AUDIO.test(item.mimeType) ? (
        <audio controls src={`data:${item.mimeType};base64,${item.data}`} />
      ) : (
        <p className="muted">Audio of type {item.mimeType.slice(0, 100)}.</p>
      );
    case 'resource_link':
      return (
        <p className="content-link">
          Resource link <CappedText as="code" text={item.name} limit={300} />: <CappedText as="code" text={item.uri} limit={2000} />
          {item.mimeType && <span className="muted"> ({item.mimeType.slice(0, 100)})</span>}
          {item.description && (
            <span className="muted">
              {' '}
              — <CappedText text={item.description} limit={2000} />
            </span>
          )}
        </p>
      );
    case 'resource': {
      const r = item.resource;
      return (
        <div className="content-resource">
          <p className="small">
            Embedded resource <CappedText as="code" text={r.uri} limit={2000} />
            {r.mimeType && <span className="muted"> ({r.mimeType.slice(0, 100)})</span>}
          </p>
          {'text' in r ? <CappedText as="pre" className="json" text={r.text} /> : <p className="muted">Binary, {Math.floor((r.blob.length * 3) / 4)} bytes.</p>}
        </div>
      );
    }
    default:
      return <CappedJson value={item} />;
  }
}
