import type { JsonRpcLogEntry } from './loggingTransport';
import { isPlainObject } from './ownProps';

/**
 * The result of the latest `method` request exactly as the server sent it (as JSON.parse built it).
 * The SDK's result parsing rebuilds objects and drops keys named `__proto__`; the panel shows, and
 * checks, what the server really sent. Use it only after the SDK parse succeeded (the shape is known).
 */
export function rawResult(messages: JsonRpcLogEntry[], method: string): Record<string, unknown> | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const sent = messages[i].message as { method?: unknown; id?: unknown };
    if (messages[i].direction !== 'sent' || sent.method !== method || sent.id === undefined) continue;
    for (let j = i + 1; j < messages.length; j++) {
      const received = messages[j].message as { id?: unknown; result?: unknown };
      if (messages[j].direction === 'received' && received.id === sent.id) return isPlainObject(received.result) ? received.result : undefined;
    }
    return undefined;
  }
  return undefined;
}
