import { browser } from 'wxt/browser';
import type { HarEntryLike } from '../utils/capture/har';

/** A finished request as DevTools hands it over, with a way to read its body while DevTools still has it. */
export interface FinishedRequest {
  entry: HarEntryLike;
  readBody(): Promise<string | undefined>;
}

type DevtoolsRequest = HarEntryLike & {
  response: { content?: { encoding?: string } };
  getContent(): unknown;
};

/**
 * Calls a DevTools API that Chrome answers through a trailing callback and Firefox through a promise
 * (its `browser.*` is promise-first). Resolves with the values the callback would receive: Firefox
 * packs several of them into one array, so `values` says how many the API answers with.
 */
function callDevtoolsApi<O extends object>(target: O, method: keyof O & string, args: unknown[], values: 1 | 2 = 1): Promise<unknown[]> {
  const api = target as unknown as Record<string, (...args: unknown[]) => unknown>;
  return new Promise((resolve, reject) => {
    try {
      if (import.meta.env.FIREFOX) {
        Promise.resolve(api[method](...args)).then((answer) => resolve(values === 1 ? [answer] : Array.isArray(answer) ? answer : [answer]), reject);
      } else {
        api[method](...args, (...answer: unknown[]) => resolve(answer));
      }
    } catch (error) {
      reject(error);
    }
  });
}

/** The response body as text; each browser marks base64 its own way. */
async function readBody(request: DevtoolsRequest): Promise<string | undefined> {
  try {
    const [content, chromeEncoding] = await callDevtoolsApi(request, 'getContent', [], 2);
    if (typeof content !== 'string') return undefined;
    // Firefox answers [content, mimeType] and says "base64" on the HAR entry instead.
    if (import.meta.env.FIREFOX) return request.response?.content?.encoding === 'base64' ? firefoxBase64Text(content) : content;
    return chromeEncoding === 'base64' ? utf8FromBase64(content) : content;
  } catch {
    return undefined;
  }
}

/**
 * Firefox base64-encodes, one byte per character, the text it has already decoded, for every type
 * it does not count as text, JSON-like ones included (application/x-ndjson,
 * application/x-amz-json-1.1). Text with a character past U+00FF cannot be encoded that way, and
 * comes as it is although the entry still says base64: such text is never valid base64.
 */
function firefoxBase64Text(content: string): string {
  try {
    return atob(content);
  } catch {
    return content;
  }
}

/** Chrome's base64 is of the body's bytes. */
function utf8FromBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export const inspectedTabId = (): number | undefined => browser.devtools?.inspectedWindow?.tabId;

export function onRequestFinished(listener: (request: FinishedRequest) => void): void {
  browser.devtools.network.onRequestFinished.addListener((request: unknown) => {
    const r = request as DevtoolsRequest;
    listener({ entry: r, readBody: () => readBody(r) });
  });
}

/**
 * Requests DevTools recorded before our listener existed (bodies are not available for these).
 * Firefox records them only while its Network panel is open: otherwise its list starts when this
 * page first asks.
 */
export async function recordedRequests(): Promise<HarEntryLike[]> {
  try {
    const [har] = await callDevtoolsApi(browser.devtools.network, 'getHAR', []);
    const entries = (har as { entries?: unknown } | undefined)?.entries;
    return Array.isArray(entries) ? (entries as HarEntryLike[]) : [];
  } catch {
    return [];
  }
}

export function onNavigated(listener: (url: string) => void): void {
  browser.devtools.network.onNavigated.addListener(listener);
}

export function createPanel(title: string, page: string): void {
  callDevtoolsApi(browser.devtools.panels, 'create', [title, '/icon/32.png', page]).catch(() => {});
}

/** Evaluates an expression in the inspected page's main world; resolves undefined on any failure. */
export async function evalInInspectedPage<T>(expression: string): Promise<T | undefined> {
  try {
    const [result, info] = await callDevtoolsApi(browser.devtools.inspectedWindow, 'eval', [expression], 2);
    // The second value describes a failure: { isException: true, value } for a throw or a syntax error.
    const failed = Boolean(info && ((info as { isException?: boolean }).isException || (info as { isError?: boolean }).isError));
    return failed ? undefined : (result as T);
  } catch {
    return undefined;
  }
}

/**
 * Reloads the inspected page; `injectedScript` runs in its main world (and every frame's) before
 * the page's own scripts. Chrome and Firefox both honour it.
 */
export function reloadInspectedPage(options: { injectedScript?: string; ignoreCache?: boolean }): void {
  const reload: { injectedScript?: string; ignoreCache?: boolean } = {};
  if (options.injectedScript !== undefined) reload.injectedScript = options.injectedScript;
  if (options.ignoreCache !== undefined) reload.ignoreCache = options.ignoreCache;
  try {
    // Firefox answers with a promise, which rejects when the page cannot be reloaded (a privileged page).
    Promise.resolve(browser.devtools.inspectedWindow.reload(reload)).catch(() => {});
  } catch {
    // DevTools is closing.
  }
}

/** DevTools' colour theme ("dark" or "default"), so the panel matches it rather than the OS. */
export function devtoolsTheme(): 'dark' | 'light' | undefined {
  const name = (browser.devtools?.panels as { themeName?: string } | undefined)?.themeName;
  return name === 'dark' ? 'dark' : name ? 'light' : undefined;
}
