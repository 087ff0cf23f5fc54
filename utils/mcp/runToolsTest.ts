import type { Implementation, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { remainingSeconds } from '../tokens/expiry';
import type { McpFailure } from './classifyMcpFailure';
import type { JsonRpcLogEntry } from './loggingTransport';
import { withMcpSession, type McpSessionOptions, type TransportKind } from './mcpSession';
import { getOwn, isPlainObject } from './ownProps';
import { rawResult } from './rawResult';
import type { HttpExchange } from './recordingFetch';

export type StepName = 'connect' | 'initialize' | 'tools/list';

export interface McpTestOptions extends McpSessionOptions {
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
  token?: { fingerprint: string; expiresAt?: number; remainingSeconds?: number; sendAs?: 'bearer' | 'cf-access-token' };
  totalMs: number;
  finishedAt: number;
}

const MAX_TOOL_PAGES = 50;

/** "Test tools now": connect → initialize → tools/list (every page) → report. Never throws. */
export async function runToolsTest(options: McpTestOptions): Promise<McpTestReport> {
  const now = options.now ?? Date.now;
  const steps: StepTiming[] = [];
  options.onStep?.('connect');
  const result = await withMcpSession(options, async ({ client, transport, signal, messages }) => {
    steps.push({ name: 'connect', ms: transport.startMs ?? 0 }, { name: 'initialize', ms: roundTripMs(messages, 'initialize') });
    options.onStep?.('tools/list');
    const listStarted = performance.now();
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_TOOL_PAGES; page++) {
      const listed = await client.listTools(cursor ? { cursor } : undefined, { signal, timeout: options.timeoutMs });
      tools.push(...withRawSchemas(listed.tools, rawResult(messages, 'tools/list')));
      cursor = listed.nextCursor;
      if (!cursor) break;
    }
    steps.push({ name: 'tools/list', ms: Math.round(performance.now() - listStarted) });
    return tools;
  });
  const token = options.auth.token;
  return {
    outcome: result.outcome,
    url: options.url,
    transport: result.transport,
    fellBackToSse: result.fellBackToSse,
    steps,
    server: result.client?.getServerVersion(),
    protocolVersion: negotiatedVersion(result.messages),
    capabilities: result.client?.getServerCapabilities(),
    instructions: result.client?.getInstructions(),
    tools: result.value ?? [],
    failure: result.failure,
    exchanges: result.exchanges,
    messages: result.messages,
    token: token
      ? {
          fingerprint: token.fingerprint,
          expiresAt: token.expiresAt,
          remainingSeconds: token.expiresAt === undefined ? undefined : remainingSeconds(token.expiresAt, now()),
          ...(token.sendAs ? { sendAs: token.sendAs } : {}),
        }
      : undefined,
    totalMs: result.totalMs,
    finishedAt: now(),
  };
}

/**
 * Each tool's schemas exactly as the server sent them: the SDK's parsing rebuilt them and dropped
 * properties named `__proto__`. The parse already checked the shape, so the raw schemas fit it.
 */
function withRawSchemas(parsed: Tool[], raw: Record<string, unknown> | undefined): Tool[] {
  const rawTools = getOwn(raw, 'tools');
  if (!Array.isArray(rawTools) || rawTools.length !== parsed.length) return parsed;
  return parsed.map((tool, i) => {
    const r: unknown = rawTools[i];
    if (!isPlainObject(r) || getOwn(r, 'name') !== tool.name) return tool;
    const inputSchema = getOwn(r, 'inputSchema');
    const outputSchema = getOwn(r, 'outputSchema');
    return {
      ...tool,
      ...(isPlainObject(inputSchema) ? { inputSchema: inputSchema as Tool['inputSchema'] } : {}),
      ...(isPlainObject(outputSchema) ? { outputSchema: outputSchema as Tool['outputSchema'] } : {}),
    };
  });
}

/** Time from a request being sent to its response arriving, from the JSON-RPC log (works for both transports). */
export function roundTripMs(messages: JsonRpcLogEntry[], method: string): number {
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
