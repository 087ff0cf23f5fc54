import { CallToolResultSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpFailure } from './classifyMcpFailure';
import type { JsonRpcLogEntry } from './loggingTransport';
import { withMcpSession, type McpSessionOptions, type TransportKind } from './mcpSession';
import { hasOwn, isPlainObject } from './ownProps';
import { rawResult } from './rawResult';
import type { HttpExchange } from './recordingFetch';
import { checkWithoutPatterns, type SchemaChecker } from './schemaChecker';
import type { SchemaCheckResult } from './validateJsonSchema';

export interface ToolCallReport {
  outcome: 'pass' | 'fail' | 'cancelled';
  tool: string;
  result?: CallToolResult;
  /** `structuredContent` against the tool's `outputSchema`: no errors when it conforms; `unchecked` says what was not checked. */
  outputCheck?: SchemaCheckResult;
  failure?: McpFailure;
  transport?: TransportKind;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  ms: number;
  totalMs: number;
}

export interface ToolCallOptions extends McpSessionOptions {
  /** Checks structuredContent; the panel passes its time-limited worker checker. */
  checkSchema?: SchemaChecker;
}

/** Checks arguments against the tool's input schema; returns the problems a person can fix, and what was not checked. */
export function checkToolArguments(tool: Tool, args: Record<string, unknown>, check: SchemaChecker = checkWithoutPatterns): Promise<SchemaCheckResult> {
  return check(args, tool.inputSchema, 'arguments');
}

/**
 * tools/call in its own session (initialize → call → close). The raw request is used, not
 * Client.callTool, so a result that breaks its outputSchema is still shown — with the problems.
 */
export async function callTool(options: ToolCallOptions, tool: Tool, args: Record<string, unknown>): Promise<ToolCallReport> {
  let ms = 0;
  const outcome = await withMcpSession(options, async ({ client, signal, messages }) => {
    const started = performance.now();
    const parsed = await client.request({ method: 'tools/call', params: { name: tool.name, arguments: args } }, CallToolResultSchema, {
      signal,
      timeout: options.timeoutMs,
    });
    ms = Math.round(performance.now() - started);
    // structuredContent as sent: parsing dropped any key named __proto__.
    const raw = rawResult(messages, 'tools/call');
    return raw && hasOwn(raw, 'structuredContent') && isPlainObject(raw.structuredContent) ? { ...parsed, structuredContent: raw.structuredContent } : parsed;
  });
  const result = outcome.value;
  const check = options.checkSchema ?? checkWithoutPatterns;
  const outputCheck =
    result && tool.outputSchema && !result.isError
      ? result.structuredContent === undefined
        ? { errors: ['The tool declares an outputSchema but returned no structuredContent.'] }
        : await check(result.structuredContent, tool.outputSchema, 'structuredContent')
      : undefined;
  return {
    outcome: outcome.outcome,
    tool: tool.name,
    result,
    outputCheck,
    failure: outcome.failure,
    transport: outcome.transport,
    exchanges: outcome.exchanges,
    messages: outcome.messages,
    ms,
    totalMs: outcome.totalMs,
  };
}
