import { installTokenResponseRecorder } from './tokenResponseRecorder';

/**
 * How the in-page recorder reaches the extension without anything the page can see.
 *
 * Early mode (the extension may access the site): two content scripts run at document_start,
 * before any page script — a relay in the extension's isolated world and the recorder in the
 * page's world, in either order (Chrome runs the page-world one first). The recorder hands the
 * relay one end of a fresh MessageChannel through a synchronous DOM event; the relay takes it and
 * cancels the event, which tells the recorder the hand-off worked. If the recorder came first, it
 * waits for the relay's "ready" event and hands the port over then. From then on copies travel
 * over that private port only.
 *
 * Both sides accept the other's event only while the document holds no <script> element yet: a
 * page script is always such an element, so no page script can take the port or hand the relay
 * one of its own. (The count is read through getters captured at start, which the page cannot
 * replace.)
 */
export const RECORDER_HANDOFF_EVENT = 'mcp-token-inspector:recorder-port';
export const RELAY_READY_EVENT = 'mcp-token-inspector:relay-ready';

/** True while no page script can have run: no <script> element exists in the document yet. */
function beforePageScriptsCheck(): () => boolean {
  const apply = Reflect.apply;
  const scripts = Object.getOwnPropertyDescriptor(Document.prototype, 'scripts')?.get;
  const length = Object.getOwnPropertyDescriptor(HTMLCollection.prototype, 'length')?.get;
  const doc = document;
  return () => !!scripts && !!length && apply(length, apply(scripts, doc, []), []) === 0;
}

/** Page world: hand the port over (now, or when the relay says it is ready), then record into it. */
export function startRecorderInPage(): void {
  const apply = Reflect.apply;
  const post = MessagePort.prototype.postMessage;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const removeListener = EventTarget.prototype.removeEventListener;
  const beforePageScripts = beforePageScriptsCheck();
  const doc = document;
  const channel = new MessageChannel();
  // The ports are read once, now: `port1`/`port2` are getters a page script could later replace to
  // catch the channel passing through them.
  const ownPort = channel.port1;
  const relayPort = channel.port2;
  const handOver = (): boolean => apply(dispatch, doc, [new MessageEvent(RECORDER_HANDOFF_EVENT, { ports: [relayPort], cancelable: true })]) === false;
  const start = () => installTokenResponseRecorder((copy) => apply(post, ownPort, [copy]));
  if (handOver()) {
    start();
    return;
  }
  const onRelayReady = () => {
    if (!beforePageScripts()) return;
    apply(removeListener, doc, [RELAY_READY_EVENT, onRelayReady, true]);
    if (handOver()) start();
  };
  doc.addEventListener(RELAY_READY_EVENT, onRelayReady, true);
}

/** Isolated world: take the recorder's port (once, before page scripts) and pass each copy on. */
export function acceptRecorderPort(onCopy: (copy: unknown) => void): void {
  const beforePageScripts = beforePageScriptsCheck();
  const take = (event: Event) => {
    const port = (event as MessageEvent).ports?.[0];
    if (!port || !beforePageScripts()) return;
    document.removeEventListener(RECORDER_HANDOFF_EVENT, take, true);
    event.preventDefault();
    event.stopImmediatePropagation();
    port.onmessage = (message) => onCopy(message.data);
  };
  document.addEventListener(RECORDER_HANDOFF_EVENT, take, true);
  // If the recorder ran first, it is waiting for this.
  document.dispatchEvent(new Event(RELAY_READY_EVENT));
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
