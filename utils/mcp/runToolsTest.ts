import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Implementation, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { remainingSeconds } from '../expiry';
import { classifyMcpFailure, type McpFailure } from './classifyMcpFailure';
import { LoggingTransport, type JsonRpcLogEntry } from './loggingTransport';
import { recordingFetch, type FetchLike, type HttpExchange } from './recordingFetch';
import { SchemaValidatorProvider } from './validateJsonSchema';

export type TransportChoice = 'auto' | 'streamable-http' | 'sse';
export type TransportKind = 'streamable-http' | 'sse';
export type StepName = 'connect' | 'initialize' | 'tools/list';

export interface McpAuth {
  /** The token sent as `Authorization: Bearer`; only its fingerprint and expiry appear in reports. */
  token?: { value: string; fingerprint: string; expiresAt?: number };
  /** Extra request headers (CF-Access-Client-Id / -Secret, an API key …), in memory only. */
  headers?: Record<string, string>;
}

export interface McpTestOptions {
  url: string;
  auth: McpAuth;
  transport: TransportChoice;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
  now?: () => number;
  hasHostAccess?: boolean;
  onStep?: (step: StepName) => void;
}

export interface StepTiming {
  name: StepName;
  ms: number;
}

export interface McpTestReport {
  outcome: 'pass' | 'fail' | 'cancelled';
  url: string;
  transport?: TransportKind;
  fellBackToSse: boolean;
  steps: StepTiming[];
  server?: Implementation;
  protocolVersion?: string;
  capabilities?: ServerCapabilities;
  instructions?: string;
  tools: Tool[];
  failure?: McpFailure;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  token?: { fingerprint: string; expiresAt?: number; remainingSeconds?: number };
  totalMs: number;
  finishedAt: number;
}

const MAX_TOOL_PAGES = 50;
export const CLIENT_INFO = { name: 'mcp-token-inspector', title: 'MCP Token Inspector', version: '0.1.0' };

interface Attempt {
  kind: TransportKind;
  client: Client;
  transport: LoggingTransport;
  exchanges: HttpExchange[];
}

/**
 * "Test tools now": connect → initialize → tools/list (every page), then close the session.
 * Streamable HTTP first; legacy SSE when its first POST answers 400, 404 or 405 (MCP spec,
 * backwards compatibility) or when the user forces it. Never throws: failures become a report.
 */
export async function runToolsTest(options: McpTestOptions): Promise<McpTestReport> {
  const now = options.now ?? Date.now;
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The MCP test timed out', 'TimeoutError'));
  }, options.timeoutMs);
  const onCancel = () => controller.abort(new DOMException('Cancelled', 'AbortError'));
  options.signal?.addEventListener('abort', onCancel);

  const messages: JsonRpcLogEntry[] = [];
  const allExchanges: HttpExchange[] = [];
  const steps: StepTiming[] = [];
  const report = (partial: Partial<McpTestReport>): McpTestReport => ({
    outcome: 'fail',
    url: options.url,
    fellBackToSse: false,
    steps,
    tools: [],
    exchanges: allExchanges,
    messages,
    token: options.auth.token
      ? {
          fingerprint: options.auth.token.fingerprint,
          expiresAt: options.auth.token.expiresAt,
          remainingSeconds: options.auth.token.expiresAt === undefined ? undefined : remainingSeconds(options.auth.token.expiresAt, now()),
        }
      : undefined,
    totalMs: Math.round(performance.now() - started),
    finishedAt: now(),
    ...partial,
  });

  let attempt: Attempt | undefined;
  let fellBackToSse = false;
  try {
    const order: TransportKind[] = options.transport === 'auto' ? ['streamable-http', 'sse'] : [options.transport];
    for (const kind of order) {
      attempt = makeAttempt(kind, options, controller.signal, messages, allExchanges);
      options.onStep?.('connect');
      try {
        await attempt.client.connect(attempt.transport, { signal: controller.signal, timeout: options.timeoutMs });
        break;
      } catch (error) {
        const firstPost = attempt.exchanges.find((e) => e.method === 'POST');
        const canFallBack = kind === 'streamable-http' && order.length > 1 && firstPost?.status !== undefined && [400, 404, 405].includes(firstPost.status);
        if (!canFallBack) throw error;
        fellBackToSse = true;
        await attempt.client.close().catch(() => {});
      }
    }
    const a = attempt!;
    const connectMs = a.transport.startMs ?? 0;
    steps.push({ name: 'connect', ms: connectMs });
    steps.push({ name: 'initialize', ms: roundTripMs(messages, 'initialize') });

    options.onStep?.('tools/list');
    const listStarted = performance.now();
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_TOOL_PAGES; page++) {
      const result = await a.client.listTools(cursor ? { cursor } : undefined, { signal: controller.signal, timeout: options.timeoutMs });
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    steps.push({ name: 'tools/list', ms: Math.round(performance.now() - listStarted) });

    return report({
      outcome: 'pass',
      transport: a.kind,
      fellBackToSse,
      server: a.client.getServerVersion(),
      protocolVersion: negotiatedVersion(messages),
      capabilities: a.client.getServerCapabilities(),
      instructions: a.client.getInstructions(),
      tools,
    });
  } catch (error) {
    if (options.signal?.aborted && !timedOut) return report({ outcome: 'cancelled', transport: attempt?.kind, fellBackToSse });
    const failure = classifyMcpFailure({
      error,
      exchanges: attempt?.exchanges ?? [],
      nowMs: now(),
      timedOut,
      timeoutMs: options.timeoutMs,
      token: options.auth.token,
      hasHostAccess: options.hasHostAccess,
      targetOrigin: safeOrigin(options.url),
    });
    return report({ outcome: 'fail', transport: attempt?.kind, fellBackToSse, failure, server: attempt?.client.getServerVersion() });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    if (attempt) await closeSession(attempt);
  }
}

function makeAttempt(kind: TransportKind, options: McpTestOptions, signal: AbortSignal, messages: JsonRpcLogEntry[], allExchanges: HttpExchange[]): Attempt {
  // This attempt's exchanges decide its failure; the report shows every attempt's.
  const exchanges: HttpExchange[] = [];
  const record = (e: HttpExchange) => {
    exchanges.push(e);
    allExchanges.push(e);
  };
  const fetchFn = recordingFetch(options.fetch ?? ((url, init) => fetch(url, init)), record, signal);
  const headers: Record<string, string> = { ...(options.auth.headers ?? {}) };
  if (options.auth.token) headers.Authorization = `Bearer ${options.auth.token.value}`;
  const url = new URL(options.url);
  const inner: Transport =
    kind === 'streamable-http'
      ? new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: fetchFn })
      : new SSEClientTransport(url, { requestInit: { headers }, fetch: fetchFn, eventSourceInit: { fetch: (u, init) => fetchFn(u, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }) } });
  const client = new Client(CLIENT_INFO, { capabilities: {}, jsonSchemaValidator: new SchemaValidatorProvider() });
  return { kind, client, transport: new LoggingTransport(inner, messages), exchanges };
}

/** Ends the session politely: DELETE for Streamable HTTP (a 405 is allowed), then close streams. */
async function closeSession(attempt: Attempt): Promise<void> {
  const inner = attempt.transport.inner;
  if (inner instanceof StreamableHTTPClientTransport && inner.sessionId) await inner.terminateSession().catch(() => {});
  await attempt.client.close().catch(() => {});
}

/** Time from a request being sent to its response arriving, from the JSON-RPC log (works for both transports). */
function roundTripMs(messages: JsonRpcLogEntry[], method: string): number {
  const sent = [...messages].reverse().find((m) => m.direction === 'sent' && (m.message as { method?: string }).method === method);
  const id = (sent?.message as { id?: unknown } | undefined)?.id;
  const received = messages.find((m) => m.direction === 'received' && (m.message as { id?: unknown }).id === id);
  return sent && received ? Math.round(received.at - sent.at) : 0;
}

function negotiatedVersion(messages: JsonRpcLogEntry[]): string | undefined {
  for (const m of messages) {
    const result = (m.message as { result?: { protocolVersion?: unknown } }).result;
    if (m.direction === 'received' && typeof result?.protocolVersion === 'string') return result.protocolVersion;
  }
  return undefined;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
