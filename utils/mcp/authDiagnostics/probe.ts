import { redactHeaders } from '../recordingFetch';
import { withoutQuery } from '../../urls';
import type { FetchLike, HttpExchange } from './types';
import { readBodyCapped } from '../../readBodyCapped';

/** Metadata documents are a few KB; past this the body is not read further. */
export const MAX_BODY_BYTES = 256 * 1024;
const SNIPPET_CHARS = 2048;

export interface ProbeRequest {
  method: 'GET' | 'POST' | 'OPTIONS';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What came back, read defensively: at most MAX_BODY_BYTES of body, redirects not followed. */
export interface ProbeResult {
  url: string;
  status?: number;
  headers: Headers;
  body?: string;
  tooLarge?: boolean;
  /** Where a 3xx pointed (or that the browser hid it). */
  redirectedTo?: string;
  /** Why no response came: "timed out after 5000 ms", "cancelled", a network error. */
  error?: string;
}

export interface Prober {
  probe(request: ProbeRequest): Promise<ProbeResult>;
  readonly exchanges: HttpExchange[];
}

/**
 * Makes every request of a run: recorded with secrets redacted, time-limited, cancellable, never
 * following redirects. An Authorization header is dropped unless the request goes to the endpoint
 * itself (not even its metadata URLs), whatever URL a server steered the run to.
 */
export function createProber(fetchFn: FetchLike, endpointUrl: string, timeoutMs: number, signal?: AbortSignal): Prober {
  const exchanges: HttpExchange[] = [];
  const probe = async (request: ProbeRequest): Promise<ProbeResult> => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.url !== endpointUrl) {
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    }
    const exchange: HttpExchange = { method: request.method, url: request.url, requestHeaders: redactHeaders(headers), responseHeaders: {} };
    exchanges.push(exchange);
    const result: ProbeResult = { url: request.url, headers: new Headers() };
    if (signal?.aborted) {
      exchange.networkError = result.error = 'cancelled';
      return result;
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const started = performance.now();
    try {
      const response = await fetchFn(request.url, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        signal: combined,
        credentials: 'omit',
      });
      result.status = response.status;
      result.headers = response.headers;
      exchange.status = response.status;
      exchange.responseHeaders = Object.fromEntries(response.headers.entries());
      exchange.contentType = response.headers.get('content-type') ?? undefined;
      if (response.type === 'opaqueredirect') result.redirectedTo = 'another page (the browser hides where)';
      else if (response.status >= 300 && response.status < 400)
        result.redirectedTo = withoutQuery(response.headers.get('location') ?? 'nowhere (no Location header)');
      exchange.redirectedTo = result.redirectedTo;
      const { text, tooLarge } = await readBodyCapped(response, MAX_BODY_BYTES);
      result.body = text;
      result.tooLarge = tooLarge;
      exchange.bodySnippet = text?.slice(0, SNIPPET_CHARS);
    } catch (error) {
      result.error = signal?.aborted ? 'cancelled' : timeout.aborted ? `timed out after ${timeoutMs} ms` : describeError(error);
      exchange.networkError = result.error;
    }
    exchange.ms = Math.round(performance.now() - started);
    return result;
  };
  return { probe, exchanges };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/** "HTTP 404", "redirected to …", "timed out after …": one attempt in a few words, for sentences and evidence. */
export function describeAttempt(result: ProbeResult): string {
  if (result.error) return result.error;
  if (result.redirectedTo) return `HTTP ${result.status} redirect to ${result.redirectedTo}`;
  return `HTTP ${result.status}`;
}

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

/** The body as a JSON object, or why it is not one (HTML, too large, an array, a redirect...). */
export function readJsonObject(result: ProbeResult): JsonObjectResult {
  if (result.error || result.redirectedTo || result.status !== 200) return { ok: false, problem: describeAttempt(result) };
  if (result.tooLarge) return { ok: false, problem: `the body is larger than ${MAX_BODY_BYTES / 1024} KB` };
  let value: unknown;
  try {
    value = JSON.parse(result.body ?? '');
  } catch {
    const type = result.headers.get('content-type') ?? 'no content type';
    return { ok: false, problem: `the body is not JSON (${clip(type, 80)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'the body is JSON but not an object' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Server text shortened for evidence and sentences. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
