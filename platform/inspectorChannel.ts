import { isInspectorMessage, type InspectorMessage } from '../utils/messages';

export interface InspectorChannel {
  post(message: InspectorMessage): void;
  onMessage(listener: (message: InspectorMessage) => void): () => void;
  close(): void;
}

/**
 * The devtools page and the panel are two same-origin extension documents of one DevTools window.
 * A BroadcastChannel named after the inspected tab joins them without waking the background, and
 * keeps two DevTools windows (two inspected tabs) apart.
 */
export function openInspectorChannel(tabId: number): InspectorChannel {
  const channel = new BroadcastChannel(`mcp-token-inspector/tab/${tabId}`);
  return {
    post: (message) => channel.postMessage(message),
    onMessage(listener) {
      const handler = (event: MessageEvent) => {
        if (isInspectorMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
