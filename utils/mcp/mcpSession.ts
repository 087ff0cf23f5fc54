import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { classifyMcpFailure, type McpFailure } from './classifyMcpFailure';
import { LoggingTransport, type JsonRpcLogEntry } from './loggingTransport';
import { recordingFetch, type FetchLike, type HttpExchange } from './recordingFetch';
import { emptyActivity, watchSession, type SessionActivity, type SessionEvent } from './sessionActivity';
import { PanelJsonSchemaValidator } from './validateJsonSchema';
import { withoutServerStream } from './withoutServerStream';

export type TransportChoice = 'auto' | 'streamable-http' | 'sse';
export type TransportKind = 'streamable-http' | 'sse';

export interface McpAuth {
  /** Sent as `Authorization: Bearer`; only its fingerprint and expiry ever appear in reports. */
  token?: { value: string; fingerprint: string; expiresAt?: number; sendAs?: 'bearer' | 'cf-access-token' };
  /** Extra request headers (CF-Access-Client-Id / -Secret, an API key …), in memory only. */
  headers?: Record<string, string>;
}

export interface McpSessionOptions {
  url: string;
  auth: McpAuth;
  transport: TransportChoice;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
  now?: () => number;
  hasHostAccess?: boolean;
  /** Server log messages, list changes, server requests and progress, as they arrive. */
  onEvent?: (event: SessionEvent) => void;
  /**
   * Open the optional GET stream (Streamable HTTP) for what the server sends outside a request.
   * Off for Test tools now, which needs nothing from it (and so makes only the requests it must).
   */
  serverStream?: boolean;
}

export interface McpSession {
  client: Client;
  kind: TransportKind;
  transport: LoggingTransport;
  /** For the work's requests: aborted by Cancel (the SDK then sends notifications/cancelled) and by the timeout. */
  signal: AbortSignal;
  messages: JsonRpcLogEntry[];
  activity: SessionActivity;
  /** The server reported progress: the timeout starts again (up to MAX_SESSION_MS in all). */
  keepAlive(): void;
  /**
   * Resolves once the GET stream answered (or was refused, or is not used): what a server sends
   * outside a request, such as most servers' log messages, reaches only an open stream.
   */
  serverStreamOpen: Promise<void>;
}

export interface McpSessionOutcome<T> {
  outcome: 'pass' | 'fail' | 'cancelled';
  value?: T;
  failure?: McpFailure;
  transport?: TransportKind;
  fellBackToSse: boolean;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  activity: SessionActivity;
  totalMs: number;
  /** Server identity, when initialize got that far. */
  client?: Client;
}

/** However often a server reports progress, a session ends after this long (or the timeout, if longer). */
export const MAX_SESSION_MS = 10 * 60_000;
/** After Cancel, how long the cancellation and the session's DELETE may take before every request is cut. */
const CANCEL_GRACE_MS = 3000;

export const CLIENT_INFO = { name: 'mcp-token-inspector', title: 'MCP Token Inspector', version: '0.1.0' };

/**
 * Opens an MCP session (Streamable HTTP, or legacy SSE when its first POST answers 400/404/405 —
 * the spec's backwards-compatibility rule — or when forced), runs `work`, and always closes the
 * session. Timeout and cancel abort every request. Never throws: failures are classified.
 */
export async function withMcpSession<T>(options: McpSessionOptions, work: (session: McpSession) => Promise<T>): Promise<McpSessionOutcome<T>> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  // `controller` cuts every HTTP request; `requests` only ends the work's MCP requests, so that after
  // Cancel the SDK's notifications/cancelled and the DELETE still go out.
  const controller = new AbortController();
  const requests = new AbortController();
  let timedOut = false;
  let connected = false;
  const onTimeout = () => {
    timedOut = true;
    const reason = new DOMException('The MCP request timed out', 'TimeoutError');
    controller.abort(reason);
    requests.abort(reason);
  };
  const maxMs = Math.max(options.timeoutMs, MAX_SESSION_MS);
  let timer = setTimeout(onTimeout, options.timeoutMs);
  const keepAlive = () => {
    if (timedOut || requests.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(onTimeout, Math.max(0, Math.min(options.timeoutMs, maxMs - (performance.now() - started))));
  };
  let grace: ReturnType<typeof setTimeout> | undefined;
  const onCancel = () => {
    const reason = new DOMException('Cancelled', 'AbortError');
    requests.abort(reason);
    if (!connected) controller.abort(reason);
    else grace ??= setTimeout(() => controller.abort(reason), CANCEL_GRACE_MS);
  };
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel);

  const messages: JsonRpcLogEntry[] = [];
  const allExchanges: HttpExchange[] = [];
  const activity = emptyActivity();
  let attempt: Attempt | undefined;
  let fellBackToSse = false;
  const finish = (partial: Partial<McpSessionOutcome<T>>): McpSessionOutcome<T> => ({
    outcome: 'fail',
    fellBackToSse,
    exchanges: allExchanges,
    messages,
    activity,
    transport: attempt?.kind,
    client: attempt?.client,
    totalMs: Math.round(performance.now() - started),
    ...partial,
  });

  try {
    const order: TransportKind[] = options.transport === 'auto' ? ['streamable-http', 'sse'] : [options.transport];
    for (const kind of order) {
      attempt = makeAttempt(kind, options, controller.signal, messages, allExchanges);
      watchSession(attempt.client, activity, options.onEvent);
      try {
        await attempt.client.connect(attempt.transport, { signal: controller.signal, timeout: options.timeoutMs });
        break;
      } catch (error) {
        const firstPost = attempt.exchanges.find((e) => e.method === 'POST');
        // The spec's rule is 400/404/405. A POST blocked outright (no CORS on an SSE-only server's
        // error page) says nothing either way, so a URL ending in /sse gets its SSE try too.
        const refused = firstPost?.status !== undefined && [400, 404, 405].includes(firstPost.status);
        const blockedOnSsePath = firstPost?.networkError !== undefined && /\/sse\/?$/i.test(new URL(options.url).pathname);
        const canFallBack = kind === 'streamable-http' && order.length > 1 && (refused || blockedOnSsePath);
        if (!canFallBack) throw error;
        fellBackToSse = true;
        await attempt.client.close().catch(() => {});
      }
    }
    const a = attempt!;
    connected = true;
    requests.signal.throwIfAborted();
    const value = await work({
      client: a.client,
      kind: a.kind,
      transport: a.transport,
      signal: requests.signal,
      messages,
      activity,
      keepAlive,
      serverStreamOpen: a.serverStreamOpen,
    });
    return finish({ outcome: 'pass', value });
  } catch (error) {
    if (options.signal?.aborted && !timedOut) return finish({ outcome: 'cancelled' });
    // The SDK's own per-request timeout (it also sends notifications/cancelled) is a timeout too.
    const sdkTimeout = error instanceof McpError && error.code === ErrorCode.RequestTimeout;
    const failure = classifyMcpFailure({
      error,
      exchanges: attempt?.exchanges ?? [],
      nowMs: now(),
      timedOut: timedOut || sdkTimeout,
      timeoutMs: options.timeoutMs,
      token: options.auth.token,
      hasHostAccess: options.hasHostAccess,
      targetOrigin: safeOrigin(options.url),
    });
    return finish({ outcome: 'fail', failure });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    if (attempt) await closeSession(attempt, controller);
    clearTimeout(grace);
  }
}

interface Attempt {
  kind: TransportKind;
  client: Client;
  transport: LoggingTransport;
  serverStreamOpen: Promise<void>;
  exchanges: HttpExchange[];
}

function makeAttempt(kind: TransportKind, options: McpSessionOptions, signal: AbortSignal, messages: JsonRpcLogEntry[], allExchanges: HttpExchange[]): Attempt {
  // This attempt's exchanges decide its failure; the report shows every attempt's.
  const exchanges: HttpExchange[] = [];
  const record = (e: HttpExchange) => {
    exchanges.push(e);
    allExchanges.push(e);
  };
  const fetchFn = recordingFetch(options.fetch ?? ((url, init) => fetch(url, init)), record, signal);
  const headers: Record<string, string> = { ...(options.auth.headers ?? {}) };
  const token = options.auth.token;
  if (token?.sendAs === 'cf-access-token') headers['cf-access-token'] = token.value;
  else if (token) headers.Authorization = `Bearer ${token.value}`;
  const url = new URL(options.url);
  // Legacy SSE's one stream is open once connected; Streamable HTTP's GET stream is opened by the SDK after initialize.
  let streamAnswered = () => {};
  const serverStreamOpen = kind === 'sse' || !options.serverStream ? Promise.resolve() : new Promise<void>((resolve) => (streamAnswered = resolve));
  const streamFetch: FetchLike = (u, init) => {
    const response = fetchFn(u, init);
    if ((init?.method ?? 'GET').toUpperCase() === 'GET') void response.then(streamAnswered, streamAnswered);
    return response;
  };
  const inner: Transport =
    kind === 'streamable-http'
      ? new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: options.serverStream ? streamFetch : withoutServerStream(fetchFn) })
      : new SSEClientTransport(url, {
          requestInit: { headers },
          fetch: fetchFn,
          // The EventSource GET needs the same headers as the POSTs.
          eventSourceInit: { fetch: (u, init) => fetchFn(u, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }) },
        });
  // The SDK's eval-free (cfworker) provider, never its default Ajv one: the extension CSP forbids eval.
  const client = new Client(CLIENT_INFO, { capabilities: {}, jsonSchemaValidator: new PanelJsonSchemaValidator() });
  return { kind, client, transport: new LoggingTransport(inner, messages), exchanges, serverStreamOpen };
}

/** A server that does not take the last notifications or the DELETE does not hold the panel longer than this. */
const CLOSE_MS = 3000;

/**
 * Ends the session politely: first any notification still on its way (a cancellation the SDK
 * sent), then DELETE for Streamable HTTP (a 405 is allowed), then close the streams.
 */
async function closeSession(attempt: Attempt, controller: AbortController): Promise<void> {
  const cut = setTimeout(() => controller.abort(new DOMException('The session did not close in time', 'TimeoutError')), CLOSE_MS);
  await attempt.transport.flushed();
  const inner = attempt.transport.inner;
  if (inner instanceof StreamableHTTPClientTransport && inner.sessionId) await inner.terminateSession().catch(() => {});
  clearTimeout(cut);
  await attempt.client.close().catch(() => {});
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
