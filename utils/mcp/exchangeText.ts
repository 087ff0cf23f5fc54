import { jsonText } from './jsonText';
import { droppedNotifications, type JsonRpcLogEntry } from './loggingTransport';
import type { HttpExchange } from './recordingFetch';
import { withoutQuery } from '../urls';
import { isSecretHeader } from '../secretHeaders';

/**
 * The raw exchange of a test or call as text, for display and "Copy": HTTP lines with secret
 * headers already redacted by the recorder, then the JSON-RPC messages the log kept, and how many
 * notifications it did not.
 */
export function exchangeText(exchanges: HttpExchange[], messages: JsonRpcLogEntry[], dropped = droppedNotifications(messages)): string {
  const http = exchanges.map((e) => {
    const status = e.status !== undefined ? `${e.status} ${e.contentType ?? ''}`.trim() : (e.networkError ?? 'no answer');
    const auth = Object.entries(e.requestHeaders)
      .filter(([name]) => isSecretHeader(name))
      .map(([name, value]) => `\n    ${name}: ${value}`)
      .join('');
    const challenge = e.responseHeaders['www-authenticate'] ? `\n    ← WWW-Authenticate: ${e.responseHeaders['www-authenticate']}` : '';
    return `${e.method} ${withoutQuery(e.url)} → ${status}${e.ms !== undefined ? ` (${e.ms} ms)` : ''}${auth}${challenge}`;
  });
  const start = messages[0]?.at ?? 0;
  const rpc = messages.map((m) => `${m.direction === 'sent' ? '→' : '←'} +${Math.round(m.at - start)} ms ${jsonText(m.message, { indent: 0 }).text}`);
  const notKept = dropped > 0 ? `; ${dropped.toLocaleString('en-US')} more notifications not kept` : '';
  return [`HTTP (${exchanges.length} requests)`, ...http, '', `JSON-RPC (${messages.length} messages${notKept})`, ...rpc].join('\n');
}
