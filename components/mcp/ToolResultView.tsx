import { memo } from 'react';
import type { ToolCallReport } from '../../utils/mcp/callTool';
import { RawExchange } from './RawExchange';

type Content = NonNullable<ToolCallReport['result']>['content'][number];

const SAFE_IMAGE = /^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml)$/i;
const SAFE_AUDIO = /^audio\/[\w.+-]+$/i;

/** Every content type MCP defines, as inert elements: text as text, media only as data: URLs of media types. */
export const ToolResultView = memo(function ToolResultView({ report, copy }: { report: ToolCallReport; copy(text: string): Promise<boolean> }) {
  if (report.outcome === 'cancelled') return <div className="report report-cancelled">Call cancelled.</div>;
  if (report.outcome === 'fail' || !report.result) {
    return (
      <section className="report report-fail" data-testid="tool-result" data-is-error="true" data-error-kind={report.failure?.kind}>
        <p className="report-headline">
          <span className="error-kind">{report.failure?.kind}</span> <strong>{report.failure?.message}</strong>
        </p>
        {report.failure?.detail && <div className="muted small">{report.failure.detail}</div>}
        <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
      </section>
    );
  }
  const { result } = report;
  const isError = result.isError === true;
  return (
    <section className={`report ${isError ? 'report-fail' : 'report-pass'}`} data-testid="tool-result" data-is-error={String(isError)}>
      <p className="report-headline">
        {isError ? (
          <strong>The tool reported an error (isError): the call reached the tool, which failed.</strong>
        ) : (
          <strong>
            {report.tool} returned {result.content.length} content item{result.content.length === 1 ? '' : 's'}
          </strong>
        )}{' '}
        <span className="muted">
          in {report.ms} ms ({report.totalMs} ms with connect and close)
        </span>
      </p>
      {result.content.map((item, i) => (
        <ContentItem key={i} item={item} />
      ))}
      {result.structuredContent !== undefined && (
        <div className="structured">
          <h4>structuredContent</h4>
          <pre className="json" data-testid="structured-content">
            {JSON.stringify(result.structuredContent, null, 2)}
          </pre>
          {report.outputSchemaErrors !== undefined &&
            (report.outputSchemaErrors.length === 0 ? (
              <p className="ok small" data-testid="output-schema-check" data-valid="true">
                Matches the tool's outputSchema.
              </p>
            ) : (
              <p className="warn small" data-testid="output-schema-check" data-valid="false">
                Does not match the outputSchema: {report.outputSchemaErrors.join('; ')}
              </p>
            ))}
        </div>
      )}
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
});

function ContentItem({ item }: { item: Content }) {
  switch (item.type) {
    case 'text':
      return <pre className="json content-text">{item.text}</pre>;
    case 'image':
      return SAFE_IMAGE.test(item.mimeType) ? (
        <img className="content-image" alt="Image returned by the tool" src={`data:${item.mimeType};base64,${item.data}`} />
      ) : (
        <p className="muted">Image of type {item.mimeType} (not shown).</p>
      );
    case 'audio':
      return SAFE_AUDIO.test(item.mimeType) ? (
        <audio controls src={`data:${item.mimeType};base64,${item.data}`} />
      ) : (
        <p className="muted">Audio of type {item.mimeType}.</p>
      );
    case 'resource_link':
      return (
        <p className="content-link">
          Resource link <strong>{item.name}</strong>: <code>{item.uri}</code>
          {item.mimeType && <span className="muted"> ({item.mimeType})</span>}
          {item.description && <span className="muted"> — {item.description}</span>}
        </p>
      );
    case 'resource': {
      const r = item.resource;
      return (
        <div className="content-resource">
          <p className="small">
            Embedded resource <code>{r.uri}</code>
            {r.mimeType && <span className="muted"> ({r.mimeType})</span>}
          </p>
          {'text' in r ? <pre className="json">{r.text}</pre> : <p className="muted">Binary, {Math.floor((r.blob.length * 3) / 4)} bytes.</p>}
        </div>
      );
    }
    default:
      return <pre className="json">{JSON.stringify(item, null, 2)}</pre>;
  }
}
