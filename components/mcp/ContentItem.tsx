import type { ContentBlock as McpContent } from '@modelcontextprotocol/sdk/types.js';
import { blobView, MAX_IMAGE_BASE64, resourceContentView, sizeText, type ContentView } from '../../utils/mcp/contentView';
import { moreText } from '../../utils/mcp/jsonText';
import { CappedJson, CappedText } from './CappedText';

const SAFE_AUDIO = /^audio\/[\w.+-]+$/i;

/** What contentView decided, as inert elements: text as text, images only as data: URLs of raster types. */
export function ContentBlock({ view, testId }: { view: ContentView; testId?: string }) {
  switch (view.kind) {
    case 'json':
      return <CappedJson value={view.value} testId={testId} />;
    case 'text':
      return (
        <pre className="json content-text" data-testid={testId}>
          {view.text}
          {view.omittedChars > 0 && <span className="muted"> {moreText(view.omittedChars)} not shown</span>}
        </pre>
      );
    case 'image':
      return (
        <p data-testid={testId}>
          <img className="content-image" alt={`${view.mimeType} image`} src={view.src} />
          <span className="muted small">
            {view.mimeType}, {sizeText(view.bytes)}
          </span>
        </p>
      );
    default:
      return (
        <p className="muted" data-testid={testId}>
          Binary, {sizeText(view.bytes)}
          {view.mimeType && `, ${view.mimeType}`}
          {view.why && ` (${view.why})`}.
        </p>
      );
  }
}

/** One content item of a tool result or prompt message, whatever its type. */
export function ContentItem({ item }: { item: McpContent }) {
  switch (item.type) {
    case 'text':
      return <CappedText as="pre" className="json content-text" text={item.text} />;
    case 'image':
      return <ContentBlock view={blobView(item.data, item.mimeType)} />;
    case 'audio':
      // Played from a data: URL, so as large as an image may be at most.
      return SAFE_AUDIO.test(item.mimeType) && item.data.length <= MAX_IMAGE_BASE64 ? (
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
    case 'resource':
      return (
        <div className="content-resource">
          <p className="small">
            Embedded resource <CappedText as="code" text={item.resource.uri} limit={2000} />
            {item.resource.mimeType && <span className="muted"> ({item.resource.mimeType.slice(0, 100)})</span>}
          </p>
          <ContentBlock view={resourceContentView(item.resource)} />
        </div>
      );
    default:
      return <CappedJson value={item} />;
  }
}
