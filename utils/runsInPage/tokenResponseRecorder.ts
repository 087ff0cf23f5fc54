/**
 * Code in this folder runs in the inspected PAGE's JavaScript world, not in the extension: it is
 * stringified or bundled on its own, so it must stay self-contained (no imports, no closures over
 * module scope) and it must assume the page is hostile.
 *
 * Why a recorder at all: Chrome DevTools forgets a response body as soon as the page's URL
 * changes, and OAuth callback pages change it (history.replaceState) right after the token
 * exchange, before an extension's getContent() can ask. The recorder keeps a copy of JSON
 * responses that mention a token and hands each one to `deliver` at once; it keeps no buffer and
 * no global of its own, so nothing of it is readable by page scripts.
 *
 * It is installed before the page's own scripts run (a document_start content script, or
 * DevTools' reload-with-injected-script), and it captures every built-in it uses at that moment
 * ("primordials"): a page script that later replaces Response.prototype.clone, TextDecoder,
 * Promise.prototype.then or MessagePort.prototype.postMessage can neither read the copies nor
 * change what is copied.
 */

/** A copy of one response the page received. Times are the page's Date.now() in ms. */
export interface RecordedResponse {
  url: string;
  method: string;
  /** When the page asked for it (fetch called / xhr.send). */
  requestedAt: number;
  /** When the copy was complete. */
  receivedAt: number;
  status: number;
  body: string;
}

/** Only bodies up to this size are copied: a huge or endless response costs the page nothing. */
export const RECORDER_MAX_BODY_BYTES = 256 * 1024;

export function installTokenResponseRecorder(deliver: (copy: RecordedResponse) => void): boolean {
  const MAX_BYTES = 256 * 1024;
  const w = window;
  const apply = Reflect.apply;
  const now = Date.now;
  const getOwn = Object.getOwnPropertyDescriptor;
  const getter = (proto: object, name: string) => getOwn(proto, name)?.get;
  const stringProto = String.prototype;
  const indexOf = stringProto.indexOf;
  const toLowerCase = stringProto.toLowerCase;
  const toUpperCase = stringProto.toUpperCase;
  const StringCtor = String;
  const NumberCtor = Number;
  const objectCreate = Object.create;
  const promiseThen = Promise.prototype.then;
  const WeakMapCtor = WeakMap;
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;

  const nativeFetch = w.fetch;
  const ResponseProto = typeof Response === 'function' ? Response.prototype : undefined;
  const responseClone = ResponseProto?.clone;
  const responseHeaders = ResponseProto && getter(ResponseProto, 'headers');
  const responseUrl = ResponseProto && getter(ResponseProto, 'url');
  const responseStatus = ResponseProto && getter(ResponseProto, 'status');
  const responseBody = ResponseProto && getter(ResponseProto, 'body');
  const headersGet = typeof Headers === 'function' ? Headers.prototype.get : undefined;
  const requestMethod = typeof Request === 'function' ? getter(Request.prototype, 'method') : undefined;
  const getReader = typeof ReadableStream === 'function' ? ReadableStream.prototype.getReader : undefined;
  const ReaderProto = typeof ReadableStreamDefaultReader === 'function' ? ReadableStreamDefaultReader.prototype : undefined;
  const readerRead = ReaderProto?.read;
  const readerCancel = ReaderProto?.cancel;
  const Decoder = TextDecoder;
  const byteLength = getter(Object.getPrototypeOf(Uint8Array.prototype) as object, 'byteLength');
  const decode = TextDecoder.prototype.decode;

  const call = <T>(fn: unknown, self: unknown, args: unknown[] = []): T => apply(fn as (...a: unknown[]) => T, self, args);
  const contains = (text: string, part: string) => call<number>(indexOf, text, [part]) >= 0;
  const isJson = (contentType: unknown) => typeof contentType === 'string' && contains(call<string>(toLowerCase, contentType), 'json');
  const mentionsToken = (body: string) => contains(body, 'oken');
  const safeDeliver = (copy: RecordedResponse) => {
    try {
      deliver(copy);
    } catch {
      // The channel is gone (extension reloaded): the page must never notice.
    }
  };

  /** Reads a copy of the body, at most MAX_BYTES of it, without touching anything the page can replace. */
  const readCopy = (response: Response, done: (text: string) => void) => {
    const copy = call<Response>(responseClone, response);
    const stream = call<ReadableStream<Uint8Array> | null>(responseBody, copy);
    if (!stream) return;
    const reader = call<ReadableStreamDefaultReader<Uint8Array>>(getReader, stream);
    const decoder = new Decoder();
    let text = '';
    let size = 0;
    const step = (result: ReadableStreamReadResult<Uint8Array>) => {
      if (result.done) {
        text += call<string>(decode, decoder);
        done(text);
        return;
      }
      const chunk = result.value;
      size += call<number>(byteLength, chunk);
      if (size > MAX_BYTES) {
        call(readerCancel, reader);
        return;
      }
      text += call<string>(decode, decoder, [chunk, { stream: true }]);
      call(promiseThen, call(readerRead, reader), [step, () => {}]);
    };
    call(promiseThen, call(readerRead, reader), [step, () => {}]);
  };

  if (typeof nativeFetch === 'function' && responseClone && responseHeaders && headersGet && getReader && readerRead) {
    const recordingFetch = function (this: unknown, ...args: unknown[]) {
      const result = call<Promise<Response>>(nativeFetch, this, args);
      try {
        const requestedAt = now();
        const input = args[0];
        const init = args[1];
        let method = 'GET';
        try {
          method = call<string>(requestMethod, input);
        } catch {
          // Not a Request object: the method comes from init.
        }
        if (init && typeof init === 'object') {
          const m = (init as { method?: unknown }).method;
          if (typeof m === 'string') method = call<string>(toUpperCase, m);
        }
        call(promiseThen, result, [
          (response: Response) => {
            try {
              const headers = call<Headers>(responseHeaders, response);
              const contentType = call<string | null>(headersGet, headers, ['content-type']);
              if (!isJson(contentType)) return;
              const length = NumberCtor(call<string | null>(headersGet, headers, ['content-length']) ?? NaN);
              if (length > MAX_BYTES) return;
              const url = call<string>(responseUrl, response);
              const status = call<number>(responseStatus, response);
              readCopy(response, (body) => {
                if (mentionsToken(body)) safeDeliver({ url, method, requestedAt, receivedAt: now(), status, body });
              });
            } catch {
              // A body already used, a stream locked: no copy, and the page's own fetch is untouched.
            }
          },
          () => {},
        ]);
      } catch {
        // Never let recording break the page's request.
      }
      return result;
    };
    w.fetch = recordingFetch as typeof fetch;
  }

  const XHR = typeof XMLHttpRequest === 'function' ? XMLHttpRequest : undefined;
  if (XHR) {
    const proto = XHR.prototype;
    const open = proto.open;
    const send = proto.send;
    const addListener = EventTarget.prototype.addEventListener;
    const xhrResponseType = getter(proto, 'responseType');
    const xhrResponseText = getter(proto, 'responseText');
    const xhrResponseUrl = getter(proto, 'responseURL');
    const xhrStatus = getter(proto, 'status');
    const xhrHeader = proto.getResponseHeader;
    // Per request object, one listener and the latest send's facts, in prototype-less records: an XHR
    // sent again does not pile up listeners or mislabel copies.
    interface XhrFacts {
      method: string;
      requestedAt: number;
      listening: boolean;
    }
    const facts = new WeakMapCtor<object, XhrFacts>();
    const factsOf = (xhr: XMLHttpRequest): XhrFacts => {
      let f = call<XhrFacts | undefined>(weakGet, facts, [xhr]);
      if (!f) {
        f = objectCreate(null) as XhrFacts;
        f.method = 'GET';
        f.requestedAt = 0;
        f.listening = false;
        call(weakSet, facts, [xhr, f]);
      }
      return f;
    };
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        factsOf(this).method = call<string>(toUpperCase, StringCtor(args[0]));
      } catch {
        // Keep the page's call working whatever it passed.
      }
      return call(open, this, args);
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const f = factsOf(this);
        f.requestedAt = now();
        if (!f.listening) {
          f.listening = true;
          call(addListener, this, [
            'load',
            (event: Event) => {
              // Only the browser's own load event: a page re-dispatching "load" replays nothing.
              if (event.isTrusted !== true) return;
              try {
                const contentType = call<string | null>(xhrHeader, this, ['content-type']);
                const type = call<string>(xhrResponseType, this);
                // Text only: a parsed JSON response is the page's object, which it may have changed.
                if (type !== '' && type !== 'text') return;
                const body = call<string>(xhrResponseText, this);
                if (body.length > MAX_BYTES || !isJson(contentType) || !mentionsToken(body)) return;
                safeDeliver({
                  url: call<string>(xhrResponseUrl, this),
                  method: f.method,
                  requestedAt: f.requestedAt,
                  receivedAt: now(),
                  status: call<number>(xhrStatus, this),
                  body,
                });
              } catch {
                // Nothing to copy.
              }
            },
          ]);
        }
      } catch {
        // Never let recording break the page's request.
      }
      return call(send, this, args);
    } as typeof proto.send;
  }
  return true;
}
