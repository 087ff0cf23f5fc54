import { createParser } from 'eventsource-parser';

/**
 * The EventSource the SDK's legacy SSE transport gets in the panel's build (wxt.config.ts aliases
 * the `eventsource` package to this module). It reads one stream through the given fetch and never
 * reconnects: a tester must report a dropped stream, not retry it behind the user's back (the
 * package reconnects by default), and a one-shot session has nothing to resume. Parsing is the
 * maintained `eventsource-parser`, which the Streamable HTTP transport already bundles.
 *
 * Only what the SDK's SSEClientTransport uses is implemented: `onerror` / `onopen` / `onmessage`,
 * `addEventListener` for named events, `close()`, and errors carrying the HTTP status as `code`.
 */
type FetchLike = (url: string | URL, init: RequestInit) => Promise<Response>;

export interface OneShotEventSourceInit {
  fetch?: FetchLike;
}

export interface StreamErrorEvent {
  type: 'error';
  /** HTTP status when the server answered with something other than an event stream. */
  code?: number;
  message: string;
}

export interface StreamMessageEvent {
  type: string;
  data: string;
  lastEventId: string;
}

type Listener = (event: StreamMessageEvent) => void;

export class EventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = EventSource.CONNECTING;
  readonly url: string;
  onopen: ((event: { type: 'open' }) => void) | null = null;
  onmessage: Listener | null = null;
  onerror: ((event: StreamErrorEvent) => void) | null = null;
  private readonly controller = new AbortController();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(url: string | URL, init: OneShotEventSourceInit = {}) {
    this.url = String(url);
    void this.read(init.fetch ?? ((u, i) => fetch(u, i)));
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = EventSource.CLOSED;
    this.controller.abort();
  }

  private async read(fetchFn: FetchLike): Promise<void> {
    try {
      const response = await fetchFn(this.url, {
        headers: { Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: this.controller.signal,
      });
      if (response.status !== 200) return this.fail(`Non-200 status code (${response.status})`, response.status);
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('text/event-stream'))
        return this.fail(`Invalid content type, expected "text/event-stream", got "${type.slice(0, 80)}"`, response.status);
      if (!response.body) return this.fail('The event stream has no body', response.status);
      this.readyState = EventSource.OPEN;
      this.onopen?.({ type: 'open' });
      const parser = createParser({
        onEvent: ({ event, data, id }) => {
          if (this.readyState === EventSource.CLOSED) return;
          const message: StreamMessageEvent = { type: event ?? 'message', data, lastEventId: id ?? '' };
          if (message.type === 'message') this.onmessage?.(message);
          for (const listener of this.listeners.get(message.type) ?? []) listener(message);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      this.fail('The server closed the event stream');
    } catch (error) {
      // close() aborts the read: that is the caller's own doing, not an error.
      if (this.readyState !== EventSource.CLOSED) this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private fail(message: string, code?: number): void {
    if (this.readyState === EventSource.CLOSED) return;
    this.readyState = EventSource.CLOSED;
    this.controller.abort();
    this.onerror?.({ type: 'error', message, ...(code === undefined ? {} : { code }) });
  }
}
