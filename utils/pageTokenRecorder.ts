/**
 * Source of a tiny recorder evaluated in the inspected page (devtools.inspectedWindow.eval).
 *
 * Why: DevTools forgets a request's body the moment the page URL changes, and OAuth callback pages
 * change it (history.replaceState) right after the token exchange, before an extension's
 * getContent() can ask (E2E-RECIPE §11; Chrome's ExtensionServer drops its request map on
 * inspectedURLChanged). The recorder copies JSON responses that mention a token into a small
 * in-page buffer, which the devtools page reads only for a body DevTools lost, and empties as it
 * reads. It holds nothing the page did not already hold, and at most MAX entries for 60 s.
 *
 * It must stay self-contained: it is stringified and run in the page.
 */
export function installPageTokenRecorder(): boolean {
  const KEY = '__mcpTokenInspectorRecorder';
  const w = window as unknown as Record<string, unknown>;
  if (w[KEY]) return false;
  const MAX = 16;
  const MAX_BYTES = 256 * 1024;
  const TTL_MS = 60_000;
  const entries: { url: string; body: string; at: number }[] = [];
  const record = (url: string, contentType: string | null, body: string) => {
    if (!/json/i.test(contentType ?? '') || body.length > MAX_BYTES || !/oken/.test(body)) return;
    entries.push({ url, body, at: Date.now() });
    if (entries.length > MAX) entries.shift();
  };
  Object.defineProperty(w, KEY, {
    configurable: true,
    value: Object.freeze({
      // The copy of the response to the request to `url` that started at `startedAt` (ms): the first
      // one recorded after it, so an older response from the same endpoint is never mistaken for it.
      take(url: string, startedAt: number): string | null {
        const now = Date.now();
        for (let i = entries.length - 1; i >= 0; i--) {
          if (now - entries[i].at > TTL_MS) entries.splice(i, 1);
        }
        const i = entries.findIndex((e) => e.url === url && e.at >= startedAt);
        return i < 0 ? null : entries.splice(i, 1)[0].body;
      },
    }),
  });

  // Reads a copy of the body, at most MAX_BYTES of it, so a huge or endless response costs nothing.
  const readCopy = async (response: Response): Promise<string | undefined> => {
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (length > MAX_BYTES) return undefined;
    const reader = response.clone().body?.getReader();
    if (!reader) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_BYTES) {
        void reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    return new TextDecoder().decode(bytes);
  };

  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const result = originalFetch.apply(this, args);
      result.then(
        (response) => {
          const type = response.headers.get('content-type');
          if (!/json/i.test(type ?? '')) return;
          readCopy(response).then(
            (text) => text !== undefined && record(response.url, type, text),
            () => {},
          );
        },
        () => {},
      );
      return result;
    } as typeof fetch;
  }

  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const originalSend = XHR.prototype.send;
    XHR.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
      this.addEventListener('load', () => {
        if (this.responseType === '' || this.responseType === 'text') record(this.responseURL, this.getResponseHeader('content-type'), this.responseText);
        else if (this.responseType === 'json' && this.response) record(this.responseURL, 'application/json', JSON.stringify(this.response));
      });
      return originalSend.apply(this, args);
    };
  }
  return true;
}

export const PAGE_RECORDER_SOURCE = `(${installPageTokenRecorder.toString()})()`;

export function takeRecordedBodyExpression(url: string, startedAt: number): string {
  return `(window.__mcpTokenInspectorRecorder ? window.__mcpTokenInspectorRecorder.take(${JSON.stringify(url)}, ${Number(startedAt) || 0}) : null)`;
}
