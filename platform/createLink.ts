/**
 * One typed link over any message transport: what goes out is type-checked against the sender's
 * union, what comes in is run through the receiver's validator and dropped when malformed. Both
 * ends of every channel (panel ↔ devtools page, devtools page → background) are built with it.
 */
export interface Transport {
  send(message: unknown): void;
  /** Calls `listener` with every raw incoming message; returns an unsubscribe function. */
  subscribe(listener: (raw: unknown) => void): () => void;
  close?(): void;
}

export interface Link<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): () => void;
  close(): void;
}

export function createLink<Out, In>(transport: Transport, parse: (raw: unknown) => In | undefined): Link<Out, In> {
  return {
    post: (message) => transport.send(message),
    onMessage(listener) {
      return transport.subscribe((raw) => {
        const message = parse(raw);
        if (message !== undefined) listener(message);
      });
    },
    close: () => transport.close?.(),
  };
}

/** The transport between the panel and the devtools page of one DevTools window (same extension origin). */
export function broadcastTransport(name: string): Transport {
  const channel = new BroadcastChannel(name);
  return {
    send: (message) => channel.postMessage(message),
    subscribe(listener) {
      const handler = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
