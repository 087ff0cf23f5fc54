import { browser } from 'wxt/browser';

/**
 * Keeps the in-page recorder registered as document_start content scripts on exactly the sites
 * the extension may access (localhost and 127.0.0.1 from install; any other origin once the user
 * allows it), so a token response is copied before the page's own first script can race DevTools.
 * Called from the background at start and whenever host permissions change.
 */
const RELAY_ID = 'mcp-token-inspector-recorder-relay';
const RECORDER_ID = 'mcp-token-inspector-page-recorder';

/** Host patterns the content scripts may run on: http(s) only, never `<all_urls>`-like wildcards beyond what was granted. */
export function recorderMatches(origins: readonly string[]): string[] {
  return origins.filter((o) => /^(\*|https?):\/\/[^/]+\/\*$/.test(o));
}

let queue: Promise<void> = Promise.resolve();

/** Re-registers the recorder for the currently granted sites; calls are serialised so they never interleave. */
export function syncEarlyRecorder(): Promise<void> {
  queue = queue.then(registerForGrantedSites, registerForGrantedSites);
  return queue;
}

async function registerForGrantedSites(): Promise<void> {
  // Firefox keeps response bodies across URL changes (getContent still answers after
  // history.replaceState), and its content scripts cannot reach a devtools page: no recorder there.
  if (import.meta.env.FIREFOX) return;
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const { origins = [] } = await browser.permissions.getAll();
  const matches = recorderMatches(origins);
  const registered = await scripting.getRegisteredContentScripts({ ids: [RELAY_ID, RECORDER_ID] }).catch(() => []);
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) }).catch(() => {});
  if (matches.length === 0) return;
  // The relay is registered first: scripts of one run_at are injected in registration order, so it
  // is listening when the recorder hands over its port.
  await scripting.registerContentScripts([
    { id: RELAY_ID, js: ['/recorder-relay.js'], matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: false },
    { id: RECORDER_ID, js: ['/page-recorder.js'], matches, runAt: 'document_start', allFrames: true, world: 'MAIN', persistAcrossSessions: false },
  ]);
}

export function keepEarlyRecorderInSync(): void {
  browser.permissions.onAdded.addListener(() => void syncEarlyRecorder());
  browser.permissions.onRemoved.addListener(() => void syncEarlyRecorder());
  void syncEarlyRecorder();
}
