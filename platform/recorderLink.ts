import { browser } from 'wxt/browser';
import { RECORDER_PORT_NAME } from '../utils/links/recorderPort';
import { reloadRecorderScript, takeCopiesExpression } from '../utils/runsInPage/recorderHandoff';
import { evalInInspectedPage, reloadInspectedPage } from './devtoolsNetwork';

/**
 * The devtools page's end of the in-page recorder: copies pushed by the early recorder's relay of
 * this tab, and the one-off "reload and capture" recorder whose copies are fetched by a secret.
 * Everything returned here is untrusted page data: the caller validates it.
 */
export function onEarlyRecorderCopies(tabId: number, listener: (copy: unknown) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RECORDER_PORT_NAME) return;
    // Only this tab's relay, and only a content script of this extension (the browser sets sender).
    if (port.sender?.id !== browser.runtime.id || port.sender?.tab?.id !== tabId) return;
    port.onMessage.addListener((message: unknown) => listener(message));
  });
}

/** Reloads the inspected page with the recorder injected before its scripts; returns the secret that reads its copies. */
export function reloadWithRecorder(): string {
  const secret = randomSecret();
  reloadInspectedPage({ injectedScript: reloadRecorderScript(secret) });
  return secret;
}

/** The copies the reload recorder kept since the last call, as untrusted values. */
export async function takeReloadRecorderCopies(secret: string): Promise<unknown[]> {
  const text = await evalInInspectedPage<unknown>(takeCopiesExpression(secret));
  if (typeof text !== 'string' || text.length > 8 * 1024 * 1024) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
