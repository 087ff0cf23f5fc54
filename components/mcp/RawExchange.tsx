import { useMemo, useState } from 'react';
import { droppedNotifications, type JsonRpcLogEntry } from '../../utils/mcp/loggingTransport';
import { exchangeText } from '../../utils/mcp/exchangeText';
import type { HttpExchange } from '../../utils/mcp/recordingFetch';
import { CopyButton } from '../CopyButton';
import { CappedText } from './CappedText';

/** The exchange as text; a message too deeply nested for JSON.stringify leaves the JSON-RPC part out instead of failing. */
function safeExchangeText(exchanges: HttpExchange[], messages: JsonRpcLogEntry[]): string {
  try {
    return exchangeText(exchanges, messages);
  } catch {
    return `${exchangeText(exchanges, [], droppedNotifications(messages))}\n(The ${messages.length} JSON-RPC messages are nested too deeply to show as text.)`;
  }
}

/** The wire view, collapsed by default; tokens never appear in it (the recorder redacts them). */
export function RawExchange({ exchanges, messages, copy }: { exchanges: HttpExchange[]; messages: JsonRpcLogEntry[]; copy(text: string): Promise<boolean> }) {
  // Built only while open: a tools/list answer can be large, and the panel re-renders every second.
  const [open, setOpen] = useState(false);
  const text = useMemo(() => (open ? safeExchangeText(exchanges, messages) : ''), [open, exchanges, messages]);
  return (
    <details className="raw-exchange" data-testid="raw-exchange" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Raw exchange: {exchanges.length} HTTP request{exchanges.length === 1 ? '' : 's'}, {messages.length} JSON-RPC messages
        {droppedNotifications(messages) > 0 && ` (${droppedNotifications(messages).toLocaleString('en')} more notifications not kept)`}
      </summary>
      <CopyButton label="Copy (redacted)" text={() => safeExchangeText(exchanges, messages)} copy={copy} />
      {open && <CappedText as="pre" className="json" text={text} limit={100_000} />}
    </details>
  );
}
