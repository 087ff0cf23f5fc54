import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  ErrorCode,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { jsonText } from './jsonText';
import { getOwn } from './ownProps';
import type { ProgressView } from './progress';

/** What the server said and asked during a session, besides the answers to the panel's requests. */

export const LOGGING_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
export type LoggingLevel = (typeof LOGGING_LEVELS)[number];

export type ListName = 'tools' | 'resources' | 'prompts';

export interface ServerLogEntry {
  level: string;
  logger?: string;
  text: string;
}

export interface ServerRequestNote {
  /** The method the server asked for, capped. */
  method: string;
  /** "The server asked for X, which this tester does not provide …". */
  text: string;
}

export interface SessionActivity {
  serverLog: ServerLogEntry[];
  /** Log messages past the cap: counted, not kept. */
  droppedLog: number;
  serverRequests: ServerRequestNote[];
  /** Lists the server said changed, in order of the notifications. */
  listChanged: ListName[];
}

/** What the server says while a call, read or get runs, as the panel shows it. */
export interface LiveActivity {
  kind: 'call' | 'read' | 'get';
  progress?: ProgressView;
  log: ServerLogEntry[];
  requests: ServerRequestNote[];
}

export type SessionEvent =
  | { type: 'log'; entry: ServerLogEntry }
  | { type: 'server-request'; note: ServerRequestNote }
  | { type: 'list-changed'; list: ListName }
  | { type: 'progress'; view: ProgressView };

export const MAX_LOG_ENTRIES = 500;
const MAX_LOG_TEXT = 4000;
const MAX_REQUEST_NOTES = 50;

export function emptyActivity(): SessionActivity {
  return { serverLog: [], droppedLog: 0, serverRequests: [], listChanged: [] };
}

/** One `notifications/message` as a log line: data as text (strings as they are, anything else as JSON), capped. */
export function logEntry(params: unknown): ServerLogEntry {
  const level = getOwn(params, 'level');
  const logger = getOwn(params, 'logger');
  const data = getOwn(params, 'data');
  const text = typeof data === 'string' ? data.slice(0, MAX_LOG_TEXT) : jsonText(data ?? null, { indent: 0, maxChars: MAX_LOG_TEXT }).text;
  return { level: typeof level === 'string' ? level.slice(0, 20) : 'info', ...(typeof logger === 'string' ? { logger: logger.slice(0, 200) } : {}), text };
}

const NOT_PROVIDED: Record<string, string> = {
  'sampling/createMessage': 'sampling (an LLM completion)',
  'elicitation/create': 'elicitation (input from the user)',
  'roots/list': 'roots (the client’s file-system roots)',
};

/**
 * The JSON-RPC error the panel answers a server request with: it declares no client capabilities,
 * so sampling, elicitation, roots and anything else the server asks for get "Method not found" at
 * once — the server's request ends, and the call it belongs to is not left waiting.
 */
export function unsupportedRequestAnswer(method: string): { code: number; message: string } {
  const what = Object.prototype.hasOwnProperty.call(NOT_PROVIDED, method) ? NOT_PROVIDED[method] : undefined;
  return {
    code: ErrorCode.MethodNotFound,
    message: what ? `MCP Token Inspector does not provide ${what}: it is a tester, not an MCP host.` : 'Method not found',
  };
}

/** The line the report shows for a server request the panel answered with an error. */
export function serverRequestNote(method: string): ServerRequestNote {
  const shown = method.length > 100 ? `${method.slice(0, 100)}…` : method;
  const what = Object.prototype.hasOwnProperty.call(NOT_PROVIDED, method) ? NOT_PROVIDED[method].split(' (')[0] : undefined;
  const { code } = unsupportedRequestAnswer(method);
  return {
    method: shown,
    text: what
      ? `The server asked for ${what} (${shown}), which this tester does not provide: answered with JSON-RPC error ${code}.`
      : `The server sent a request this tester does not know (${shown}): answered with JSON-RPC error ${code} (Method not found).`,
  };
}

/**
 * Listens on a session's client: server log messages, list changes, and server requests (answered
 * with an error, never left pending). Everything is recorded, capped, in `activity`, and passed to
 * `onEvent` as it happens.
 */
export function watchSession(client: Client, activity: SessionActivity, onEvent?: (event: SessionEvent) => void): void {
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    if (activity.serverLog.length >= MAX_LOG_ENTRIES) return void activity.droppedLog++;
    const entry = logEntry(n.params);
    activity.serverLog.push(entry);
    onEvent?.({ type: 'log', entry });
  });
  const changed = (list: ListName) => () => {
    if (activity.listChanged.length < 100) activity.listChanged.push(list);
    onEvent?.({ type: 'list-changed', list });
  };
  client.setNotificationHandler(ToolListChangedNotificationSchema, changed('tools'));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, changed('resources'));
  client.setNotificationHandler(PromptListChangedNotificationSchema, changed('prompts'));
  client.fallbackRequestHandler = async (request) => {
    const method = typeof request.method === 'string' ? request.method : String(request.method);
    if (activity.serverRequests.length < MAX_REQUEST_NOTES) {
      const note = serverRequestNote(method);
      activity.serverRequests.push(note);
      onEvent?.({ type: 'server-request', note });
    }
    const answer = unsupportedRequestAnswer(method);
    // The SDK answers a thrown error's own code and message (McpError would prefix "MCP error -32601:").
    throw Object.assign(new Error(answer.message), { code: answer.code });
  };
}
