import type { JsonRpcLogEntry } from './loggingTransport';
import { getOwn, hasOwn, isPlainObject } from './ownProps';

/**
 * The server's answer to the latest `method` request in the log: a response with its id, never a
 * server request that happens to reuse that id (a request carries a method).
 */
export function answerTo(messages: JsonRpcLogEntry[], method: string): unknown {
  for (let i = messages.length - 1; i >= 0; i--) {
    const sent = messages[i].message;
    const id = getOwn(sent, 'id');
    if (messages[i].direction !== 'sent' || getOwn(sent, 'method') !== method || id === undefined) continue;
    for (let j = i + 1; j < messages.length; j++) {
      const received = messages[j].message;
      if (messages[j].direction === 'received' && getOwn(received, 'id') === id && !hasOwn(received, 'method')) return received;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The result of the latest `method` request exactly as the server sent it (as JSON.parse built it).
 * The SDK's result parsing rebuilds objects and drops keys named `__proto__`; the panel shows, and
 * checks, what the server really sent. Use it only after the SDK parse succeeded (the shape is known).
 */
export function rawResult(messages: JsonRpcLogEntry[], method: string): Record<string, unknown> | undefined {
  const result = getOwn(answerTo(messages, method), 'result');
  return isPlainObject(result) ? result : undefined;
}
