import type { Implementation, Prompt, Resource, ResourceTemplate, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { remainingSeconds } from '../tokens/expiry';
import type { McpFailure } from './classifyMcpFailure';
import type { JsonRpcLogEntry } from './loggingTransport';
import { listPrompts, listResources, listTools, relist, type McpLists } from './mcpLists';
import { withMcpSession, type McpSessionOptions, type TransportKind } from './mcpSession';
import type { HttpExchange } from './recordingFetch';
import type { SessionActivity } from './sessionActivity';

export type StepName = 'connect' | 'initialize' | 'tools/list' | 'resources/list' | 'prompts/list';

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
  /** Absent when the server does not advertise resources (then they were not asked for). */
  resources?: Resource[];
  resourceTemplates?: ResourceTemplate[];
  /** Absent when the server does not advertise prompts. */
  prompts?: Prompt[];
  /** Lists cut short, or refused with a JSON-RPC error by the server, in words. */
  listNotes?: string[];
  failure?: McpFailure;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  /** Log messages, list changes and requests the server sent during the test. */
  activity?: SessionActivity;
  token?: { fingerprint: string; expiresAt?: number; remainingSeconds?: number; sendAs?: 'bearer' | 'cf-access-token' };
  totalMs: number;
  finishedAt: number;
}

/**
 * "Test tools now": connect → initialize → tools/list, and resources/list, resources/templates/list
 * and prompts/list only when the server advertises them (every page of each) → report. A list the
 * server says changed while it was being listed is listed again, once. Only tools/list must
 * succeed: an optional list the server answers with a JSON-RPC error is noted. Never throws.
 */
export async function runToolsTest(options: McpTestOptions): Promise<McpTestReport> {
  const now = options.now ?? Date.now;
  const steps: StepTiming[] = [];
  options.onStep?.('connect');
  const result = await withMcpSession(options, async ({ client, transport, signal, messages, activity }) => {
    steps.push({ name: 'connect', ms: transport.startMs ?? 0 }, { name: 'initialize', ms: roundTripMs(messages, 'initialize') });
    const request = { signal, timeout: options.timeoutMs };
    const notes: string[] = [];
    const timed = async <T>(name: StepName, list: () => Promise<T>): Promise<T> => {
      options.onStep?.(name);
      const started = performance.now();
      const value = await list();
      steps.push({ name, ms: Math.round(performance.now() - started) });
      return value;
    };
    const capabilities = client.getServerCapabilities();
    const lists: Omit<McpLists, 'notes'> = { tools: await timed('tools/list', () => listTools(client, messages, request, notes)) };
    // An advertised list the server refused (see the notes) is shown empty.
    if (capabilities?.resources)
      Object.assign(lists, { resources: [], resourceTemplates: [] }, await timed('resources/list', () => listResources(client, messages, request, notes)));
    if (capabilities?.prompts) lists.prompts = (await timed('prompts/list', () => listPrompts(client, messages, request, notes))) ?? [];
    const changed = [...new Set(activity.listChanged)];
    if (changed.length > 0) Object.assign(lists, await relist(client, changed, messages, request, notes));
    // A list refused again when listed anew would say the same twice.
    return { ...lists, notes: [...new Set(notes)] };
  });
  const token = options.auth.token;
  const lists = result.value;
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
    tools: lists?.tools ?? [],
    ...(lists?.resources ? { resources: lists.resources, resourceTemplates: lists.resourceTemplates ?? [] } : {}),
    ...(lists?.prompts ? { prompts: lists.prompts } : {}),
    listNotes: lists?.notes ?? [],
    failure: result.failure,
    exchanges: result.exchanges,
    messages: result.messages,
    activity: result.activity,
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
