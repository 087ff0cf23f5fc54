import type { RecordedResponse } from './tokenResponseRecorder';
import { installTokenResponseRecorder } from './tokenResponseRecorder';

/**
 * How the in-page recorder reaches the extension without anything the page can see.
 *
 * Early mode (the extension may access the site): two content scripts run at document_start,
 * before any page script — a relay in the extension's isolated world, then the recorder in the
 * page's world. The recorder hands the relay one end of a fresh MessageChannel through a single
 * synchronous DOM event; the relay takes it and cancels the event, which tells the recorder the
 * hand-off worked. From then on copies travel over that private port only. The event fires once,
 * before page scripts exist, so no page listener can see it; the relay stops listening straight
 * away, so a page cannot hand it a port of its own later.
 */
export const RECORDER_HANDOFF_EVENT = 'mcp-token-inspector:recorder-port';

/** Page world: hand the port over, then record into it. Returns false when no relay took it. */
export function startRecorderInPage(): boolean {
  const apply = Reflect.apply;
  const post = MessagePort.prototype.postMessage;
  const channel = new MessageChannel();
  const event = new MessageEvent(RECORDER_HANDOFF_EVENT, { ports: [channel.port2], cancelable: true });
  const taken = !document.dispatchEvent(event);
  if (!taken) {
    channel.port1.close();
    return false;
  }
  return installTokenResponseRecorder((copy) => apply(post, channel.port1, [copy]));
}

/** Isolated world: take the recorder's port (once) and pass each copy on. */
export function acceptRecorderPort(onCopy: (copy: unknown) => void): void {
  const take = (event: Event) => {
    const port = (event as MessageEvent).ports?.[0];
    if (!port) return;
    stop();
    event.preventDefault();
    event.stopImmediatePropagation();
    port.onmessage = (message) => onCopy(message.data);
  };
  const stop = () => document.removeEventListener(RECORDER_HANDOFF_EVENT, take, true);
  document.addEventListener(RECORDER_HANDOFF_EVENT, take, true);
  // The recorder runs right after this script, in the same injection pass; past that, stop listening.
  setTimeout(stop, 0);
}

/**
 * Reload mode (no site access; DevTools' "reload with injected script", one load only): there is
 * no extension context in the page, so the copies wait in a closure, bounded, until the devtools
 * page asks for them by a random secret known only to it. The accessor is a non-writable,
 * non-configurable property defined before page scripts run, so the page can neither replace it
 * nor read the copies without the secret. The devtools page still treats what comes back as
 * untrusted (RecordedCopies: only for a request DevTools reported, never over a body DevTools gave).
 */
export const RELOAD_RECORDER_KEY = '__mcpTokenInspectorTakeCopies';

export function reloadRecorderScript(secret: string): string {
  return `(${installSecretBuffer.toString()})(${installTokenResponseRecorder.toString()}, ${JSON.stringify(secret)}, ${JSON.stringify(RELOAD_RECORDER_KEY)});`;
}

/** The devtools page's question: every copy kept since the last one, as JSON text, or null. */
export function takeCopiesExpression(secret: string): string {
  return `(function(){try{var f=window[${JSON.stringify(RELOAD_RECORDER_KEY)}];return typeof f==='function'?f(${JSON.stringify(secret)}):null}catch(e){return null}})()`;
}

function installSecretBuffer(install: typeof installTokenResponseRecorder, secret: string, key: string): void {
  const MAX = 16;
  const stringify = JSON.stringify;
  // Copies are kept as JSON text in a prototype-less ring: no setter, iterator or toJSON the page
  // defines later is ever consulted on the way in or out.
  const slots: Record<number, string> = Object.create(null);
  let first = 0;
  let next = 0;
  const defined = Reflect.defineProperty(window, key, {
    configurable: false,
    enumerable: false,
    writable: false,
    value: (asked: unknown) => {
      if (asked !== secret) return null;
      let text = '[';
      for (let i = first; i < next; i++) text += (i > first ? ',' : '') + slots[i % MAX];
      first = next;
      return text + ']';
    },
  });
  if (!defined) return;
  install((copy) => {
    slots[next % MAX] =
      '{"url":' +
      stringify(copy.url) +
      ',"method":' +
      stringify(copy.method) +
      ',"requestedAt":' +
      stringify(copy.requestedAt) +
      ',"receivedAt":' +
      stringify(copy.receivedAt) +
      ',"status":' +
      stringify(copy.status) +
      ',"body":' +
      stringify(copy.body) +
      '}';
    next += 1;
    if (next - first > MAX) first = next - MAX;
  });
}
