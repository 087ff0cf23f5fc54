import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

export interface JsonRpcLogEntry {
  direction: 'sent' | 'received';
  /** performance.now() milliseconds: only differences between entries mean anything. */
  at: number;
  message: JSONRPCMessage;
  /** For sent messages, once the transport finished sending: whether it went out, or why not. */
  delivery?: 'sent' | { failed: string };
}

/**
 * Received notifications a log keeps at most (the first ones): a session stays open for minutes
 * and a server may send progress or log notifications without end. Responses, server requests and
 * everything sent are always kept: a request's answer and a cancellation are looked up in the log.
 */
export const MAX_LOGGED_NOTIFICATIONS = 1000;

/**
 * Server requests a transport passes on at most. Each answer (even "Method not found") is a POST of
 * its own: past this, a server's requests are dropped, neither logged nor answered.
 */
export const MAX_SERVER_REQUESTS = 100;

/** Per log, not per transport: a session's attempts (Streamable HTTP, then legacy SSE) share one log. */
const notificationCounts = new WeakMap<object, { kept: number; dropped: number }>();

/** How many notifications the server sent that `log` did not keep. */
export function droppedNotifications(log: readonly JsonRpcLogEntry[]): number {
  return notificationCounts.get(log)?.dropped ?? 0;
}

/** Counts a received notification for `log`: whether there is still room to keep it. */
function roomForNotification(log: JsonRpcLogEntry[]): boolean {
  let count = notificationCounts.get(log);
  if (!count) notificationCounts.set(log, (count = { kept: 0, dropped: 0 }));
  if (count.kept < MAX_LOGGED_NOTIFICATIONS) {
    count.kept++;
    return true;
  }
  count.dropped++;
  return false;
}

/** Wraps a transport so the raw JSON-RPC exchange can be shown, and times its start (the "connect" step). */
export class LoggingTransport implements Transport {
  startMs?: number;
  private readonly sending = new Set<Promise<void>>();
  private serverRequests = 0;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  constructor(
    readonly inner: Transport,
    private readonly log: JsonRpcLogEntry[],
  ) {
    inner.onclose = () => this.onclose?.();
    inner.onerror = (error) => this.onerror?.(error);
    inner.onmessage = (message, extra) => {
      if ('method' in message && 'id' in message && ++this.serverRequests > MAX_SERVER_REQUESTS) return;
      const notification = 'method' in message && !('id' in message);
      if (!notification || roomForNotification(this.log)) this.log.push({ direction: 'received', at: performance.now(), message });
      this.onmessage?.(message, extra);
    };
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    const started = performance.now();
    await this.inner.start();
    this.startMs = Math.round(performance.now() - started);
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const entry: JsonRpcLogEntry = { direction: 'sent', at: performance.now(), message };
    this.log.push(entry);
    const sending = this.inner.send(message, options).then(
      () => void (entry.delivery = 'sent'),
      (error: unknown) => {
        entry.delivery = { failed: error instanceof Error ? error.message : String(error) };
        throw error;
      },
    );
    // Notifications only: a request's send can last as long as its answer (JSON responses).
    if (!('id' in message)) {
      const tracked = sending.catch(() => {}).finally(() => this.sending.delete(tracked));
      this.sending.add(tracked);
    }
    return sending;
  }

  /** Resolves once every notification handed to send() so far has gone out or failed (a cancellation, before the session closes). */
  async flushed(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
