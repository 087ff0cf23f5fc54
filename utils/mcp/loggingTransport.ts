import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

export interface JsonRpcLogEntry {
  direction: 'sent' | 'received';
  /** performance.now() milliseconds: only differences between entries mean anything. */
  at: number;
  message: JSONRPCMessage;
}

/** Wraps a transport so the raw JSON-RPC exchange can be shown, and times its start (the "connect" step). */
export class LoggingTransport implements Transport {
  startMs?: number;
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
      this.log.push({ direction: 'received', at: performance.now(), message });
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
    this.log.push({ direction: 'sent', at: performance.now(), message });
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
