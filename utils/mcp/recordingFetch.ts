import { withoutQuery } from '../urls';
import { isSecretHeader } from '../secretHeaders';
/** One HTTP round trip as the panel shows it: never with a token value in it. */
export interface HttpExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  status?: number;
  contentType?: string;
  responseHeaders: Record<string, string>;
  /** First bytes of a response that was not a stream (errors, JSON); undefined for event streams. */
  bodySnippet?: string;
  ms?: number;
  /** "TypeError: Failed to fetch" and the like, when no response came. */
  networkError?: string;
  /** The server redirected and the client did not follow (the SDK follows same-origin redirects only). */
  redirectedTo?: string;
}

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

const SNIPPET_BYTES = 2048;

/** Redacts secret header values for display and export: scheme kept, value replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  // Prototype-less: a header a hostile server names `__proto__` stays an ordinary entry.
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretHeader(name)) out[name] = value;
    else out[name] = /^(bearer|dpop|basic)\s/i.test(value) ? `${value.split(/\s/)[0]} [redacted]` : '[redacted]';
  }
  return out;
}

function headersToRecord(headers: HeadersInit | Headers | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!headers) return out;
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Wraps fetch so every request of an MCP test is recorded (for the report, the failure
 * classifier and the request count), and every request is aborted with the test's signal.
 */
export function recordingFetch(base: FetchLike, record: (exchange: HttpExchange) => void, signal?: AbortSignal): FetchLike {
  return async (url, init = {}) => {
    const started = performance.now();
    const exchange: HttpExchange = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: String(url),
      requestHeaders: redactHeaders(headersToRecord(init.headers)),
      responseHeaders: {},
    };
    record(exchange);
    const signals = [init.signal, signal].filter((s): s is AbortSignal => s != null);
    try {
      const response = await base(url, { ...init, signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0] });
      exchange.ms = Math.round(performance.now() - started);
      exchange.status = response.status;
      exchange.responseHeaders = headersToRecord(response.headers);
      exchange.contentType = response.headers.get('content-type') ?? undefined;
      // Browsers hide where a manual redirect goes ("opaqueredirect", status 0); Node shows Location.
      if (response.type === 'opaqueredirect') exchange.redirectedTo = 'another site (the browser hides where)';
      else if (response.status >= 300 && response.status < 400) exchange.redirectedTo = withoutQuery(response.headers.get('location') ?? 'somewhere');
      if (!/event-stream/i.test(exchange.contentType ?? '')) {
        // A copy, so the SDK still gets the whole body; only its start is read, so a hostile server
        // streaming gigabytes costs the panel nothing extra.
        const snippet = readPrefix(response.clone(), SNIPPET_BYTES).then((text) => {
          exchange.bodySnippet = text;
        });
        // An answer the SDK will take as MCP (JSON, or an empty 202) goes on at once; anything else
        // may be classified as soon as the SDK rejects it, so its snippet is read first.
        const looksLikeMcp = response.ok && (response.status === 202 || /json/i.test(exchange.contentType ?? ''));
        if (!looksLikeMcp) await snippet;
      }
      return response;
    } catch (error) {
      exchange.ms = Math.round(performance.now() - started);
      exchange.networkError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw error;
    }
  };
}

async function readPrefix(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    return undefined;
  } finally {
    void reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(bytes.subarray(0, maxBytes));
}
