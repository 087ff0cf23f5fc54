import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { McpFailure } from './classifyMcpFailure';
import type { JsonRpcLogEntry } from './loggingTransport';
import { relist, type McpLists } from './mcpLists';
import { MAX_SESSION_MS, withMcpSession, type McpSession, type McpSessionOptions, type TransportKind } from './mcpSession';
import { getOwn } from './ownProps';
import { nextProgress, type ProgressView } from './progress';
import type { HttpExchange } from './recordingFetch';
import type { ListName, LoggingLevel, SessionActivity } from './sessionActivity';

export interface OperationOptions extends McpSessionOptions {
  /** Sent as logging/setLevel at the start of the session, when the server supports logging. */
  logLevel?: LoggingLevel;
}

/** What one call, read or get did, beside its result. */
export interface OperationReport<T> {
  outcome: 'pass' | 'fail' | 'cancelled';
  value?: T;
  failure?: McpFailure;
  transport?: TransportKind;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  activity: SessionActivity;
  /** The last progress the server reported. */
  progress?: ProgressView;
  /** Lists the server said changed during the session, listed again in it. */
  relisted?: Partial<Omit<McpLists, 'notes'>>;
  /**
   * Lists the server said changed too late to list them again in the session (the notice came on
   * the GET stream after the answer): listAgain() lists them in a new one.
   */
  changedLate?: ListName[];
  /** "Cancelled: the panel sent notifications/cancelled for request 2." */
  cancellation?: string;
  /** The request itself, without connect and close. */
  ms: number;
  totalMs: number;
}

/**
 * One request in its own session (initialize → [logging/setLevel] → request → [lists that changed]
 * → close). The request asks for progress (a progressToken), and each progress notification
 * restarts the timeout; Cancel aborts the request, so the SDK sends notifications/cancelled.
 */
export async function runOperation<T>(
  options: OperationOptions,
  request: (session: McpSession, requestOptions: RequestOptions) => Promise<T>,
): Promise<OperationReport<T>> {
  let ms = 0;
  let progress: ProgressView | undefined;
  let relisted: OperationReport<T>['relisted'];
  let relistedCount = 0;
  // The GET stream carries what a server sends outside a request (logs sent without a related request, list changes).
  const outcome = await withMcpSession({ ...options, serverStream: true }, async (session) => {
    const { client, signal } = session;
    const plain = { signal, timeout: options.timeoutMs };
    // A server that refuses the level still gets the request (its refusal is in the raw exchange).
    if (options.logLevel && client.getServerCapabilities()?.logging) await client.setLoggingLevel(options.logLevel, plain).catch(() => {});
    // Log messages a tool sends outside its request go to the GET stream: have it open before the call.
    await Promise.race([session.serverStreamOpen, new Promise((resolve) => setTimeout(resolve, STREAM_WAIT_MS))]);
    const started = performance.now();
    const value = await request(session, {
      ...plain,
      resetTimeoutOnProgress: true,
      maxTotalTimeout: Math.max(options.timeoutMs, MAX_SESSION_MS),
      onprogress: (params) => {
        session.keepAlive();
        const view = nextProgress(progress, params);
        if (!view || view === progress) return;
        progress = view;
        options.onEvent?.({ type: 'progress', view });
      },
    });
    ms = Math.round(performance.now() - started);
    // A log line or list change a server sends with its answer can come on another stream just after
    // it: a server that may send them gets a moment before the session closes under them.
    const caps = client.getServerCapabilities();
    if (caps?.logging || caps?.tools?.listChanged || caps?.resources?.listChanged || caps?.prompts?.listChanged) await pause(SETTLE_MS, signal);
    relistedCount = session.activity.listChanged.length;
    const changed = [...new Set(session.activity.listChanged)];
    // The answer is in: a list that then fails to list again is not shown anew, and the answer still is.
    if (changed.length > 0) relisted = await relist(client, changed, session.messages, plain, []).catch(() => undefined);
    return value;
  });
  const changedLate = [...new Set(outcome.activity.listChanged.slice(relistedCount))];
  return {
    outcome: outcome.outcome,
    value: outcome.value,
    failure: outcome.failure,
    transport: outcome.transport,
    exchanges: outcome.exchanges,
    messages: outcome.messages,
    activity: outcome.activity,
    ...(progress ? { progress } : {}),
    ...(relisted ? { relisted } : {}),
    ...(outcome.outcome === 'pass' && changedLate.length > 0 ? { changedLate } : {}),
    ...(outcome.outcome === 'cancelled' ? { cancellation: cancellationText(outcome.messages) } : {}),
    ms,
    totalMs: outcome.totalMs,
  };
}

/** Lists `which` again in a session of their own (for changes the server announced too late for the call's session). */
export async function listAgain(options: McpSessionOptions, which: ListName[]): Promise<Partial<Omit<McpLists, 'notes'>> | undefined> {
  const outcome = await withMcpSession(options, ({ client, messages, signal }) => relist(client, which, messages, { signal, timeout: options.timeoutMs }, []));
  return outcome.value;
}

/** How long a call waits for the GET stream to open before it goes ahead anyway. */
const STREAM_WAIT_MS = 1000;
/** How long a session stays open after the answer, for what the server sends with it. */
const SETTLE_MS = 150;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** What Cancel did, from the JSON-RPC log: which request the panel cancelled, and whether that reached the server. */
export function cancellationText(messages: JsonRpcLogEntry[]): string {
  const sent = messages.find((m) => m.direction === 'sent' && getOwn(m.message, 'method') === 'notifications/cancelled');
  if (!sent) return 'Cancelled before the request was sent.';
  const what = `notifications/cancelled for request ${String(getOwn(getOwn(sent.message, 'params'), 'requestId'))}`;
  if (sent.delivery === 'sent') return `Cancelled: the panel sent ${what}.`;
  return sent.delivery
    ? `Cancelled, but ${what} could not be sent (${sent.delivery.failed.slice(0, 200)}).`
    : `Cancelled: the panel was sending ${what} when the session closed.`;
}
