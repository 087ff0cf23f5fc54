import type { JsonRpcLogEntry } from '../../utils/mcp/loggingTransport';
import { exchangeText } from '../../utils/mcp/exchangeText';
import type { HttpExchange } from '../../utils/mcp/recordingFetch';
import { CopyButton } from '../CopyButton';

/** The wire view, collapsed by default; tokens never appear in it (the recorder redacts them). */
export function RawExchange({ exchanges, messages, copy }: { exchanges: HttpExchange[]; messages: JsonRpcLogEntry[]; copy(text: string): Promise<boolean> }) {
  const text = exchangeText(exchanges, messages);
  return (
    <details className="raw-exchange" data-testid="raw-exchange">
      <summary>
        Raw exchange: {exchanges.length} HTTP request{exchanges.length === 1 ? '' : 's'}, {messages.length} JSON-RPC messages
      </summary>
      <CopyButton label="Copy (redacted)" text={text} copy={copy} />
      <pre className="json">{text}</pre>
    </details>
  );
}
