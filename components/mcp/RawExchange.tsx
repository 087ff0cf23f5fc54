import { useMemo, useState } from 'react';
import type { JsonRpcLogEntry } from '../../utils/mcp/loggingTransport';
import { exchangeText } from '../../utils/mcp/exchangeText';
import type { HttpExchange } from '../../utils/mcp/recordingFetch';
import { CopyButton } from '../CopyButton';

/** The wire view, collapsed by default; tokens never appear in it (the recorder redacts them). */
export function RawExchange({ exchanges, messages, copy }: { exchanges: HttpExchange[]; messages: JsonRpcLogEntry[]; copy(text: string): Promise<boolean> }) {
  // Built only while open: a tools/list answer can be large, and the panel re-renders every second.
  const [open, setOpen] = useState(false);
  const text = useMemo(() => (open ? exchangeText(exchanges, messages) : ''), [open, exchanges, messages]);
  return (
    <details className="raw-exchange" data-testid="raw-exchange" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Raw exchange: {exchanges.length} HTTP request{exchanges.length === 1 ? '' : 's'}, {messages.length} JSON-RPC messages
      </summary>
      <CopyButton label="Copy (redacted)" text={() => exchangeText(exchanges, messages)} copy={copy} />
      {open && <pre className="json">{text}</pre>}
    </details>
  );
}
