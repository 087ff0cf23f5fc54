import { browser } from 'wxt/browser';
import type { HarEntryLike } from '../utils/har';

/** A finished request as DevTools hands it over, with a way to read its body while DevTools still has it. */
export interface FinishedRequest {
  entry: HarEntryLike;
  readBody(): Promise<string | undefined>;
}

type DevtoolsRequest = HarEntryLike & {
  getContent(callback?: (content: string | null, encoding: string) => void): unknown;
};

/**
 * Chrome's getContent takes a callback; Firefox's returns a promise of [content, mimeType] (and
 * older versions the content alone). Accept whichever arrives first.
 */
function readBody(request: DevtoolsRequest): Promise<string | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (content: unknown, encoding?: unknown) => {
      if (settled) return;
      settled = true;
      const text = Array.isArray(content) ? content[0] : content;
      if (typeof text !== 'string') return resolve(undefined);
      resolve(encoding === 'base64' ? safeAtob(text) : text);
    };
    try {
      if (import.meta.env.FIREFOX) {
        (request.getContent() as Promise<unknown>).then(
          (c) => done(c),
          () => done(undefined),
        );
      } else {
        request.getContent((content, encoding) => done(content, encoding));
      }
    } catch {
      done(undefined);
    }
  });
}

function safeAtob(text: string): string | undefined {
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

/** Requests DevTools recorded before our listener existed (bodies are not available for these). */
export function recordedRequests(): Promise<HarEntryLike[]> {
  return new Promise((resolve) => {
    const done = (har: unknown) => resolve((har as { entries?: HarEntryLike[] } | undefined)?.entries ?? []);
    try {
      const getHAR = browser.devtools.network.getHAR as unknown as (cb?: (har: unknown) => void) => Promise<unknown> | undefined;
      if (import.meta.env.FIREFOX) getHAR()?.then(done, () => resolve([]));
      else getHAR(done);
    } catch {
      resolve([]);
    }
  });
}

export function onNavigated(listener: (url: string) => void): void {
  browser.devtools.network.onNavigated.addListener(listener);
}

export function createPanel(title: string, page: string): void {
  // Firefox's browser.* is promise-only (an extra callback argument fails validation); Chrome takes the callback.
  const create = browser.devtools.panels.create as unknown as (...args: unknown[]) => Promise<unknown> | undefined;
  if (import.meta.env.FIREFOX) create(title, '/icon/32.png', page)?.catch(() => {});
  else create(title, '/icon/32.png', page, () => {});
}

/** Evaluates an expression in the inspected page's main world; resolves undefined on any failure. */
export function evalInInspectedPage<T>(expression: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    try {
      const evaluate = browser.devtools.inspectedWindow.eval as unknown as (
        expr: string,
        cb?: (result: unknown, exception?: unknown) => void,
      ) => Promise<[unknown, unknown]> | undefined;
      // The second value describes a failure; Firefox may pass an object with isException: false.
      const failed = (info: unknown) => Boolean(info && ((info as { isException?: boolean }).isException || (info as { isError?: boolean }).isError));
      if (import.meta.env.FIREFOX) {
        evaluate(expression)?.then(
          ([result, info]) => resolve(failed(info) ? undefined : (result as T)),
          () => resolve(undefined),
        );
      } else {
        evaluate(expression, (result, info) => resolve(failed(info) ? undefined : (result as T)));
      }
    } catch {
      resolve(undefined);
    }
  });
}

/** DevTools' colour theme ("dark" or "default"), so the panel matches it rather than the OS. */
export function devtoolsTheme(): 'dark' | 'light' | undefined {
  const name = (browser.devtools?.panels as { themeName?: string } | undefined)?.themeName;
  return name === 'dark' ? 'dark' : name ? 'light' : undefined;
}
