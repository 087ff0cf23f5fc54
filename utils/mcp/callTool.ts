import { CallToolResultSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpFailure } from './classifyMcpFailure';
import type { JsonRpcLogEntry } from './loggingTransport';
import { withMcpSession, type McpSessionOptions, type TransportKind } from './mcpSession';
import type { HttpExchange } from './recordingFetch';
import { validateJsonSchema } from './validateJsonSchema';

export interface ToolCallReport {
  outcome: 'pass' | 'fail' | 'cancelled';
  tool: string;
  result?: CallToolResult;
  /** Problems of `structuredContent` against the tool's `outputSchema`; empty when it conforms. */
  outputSchemaErrors?: string[];
  failure?: McpFailure;
  transport?: TransportKind;
  exchanges: HttpExchange[];
  messages: JsonRpcLogEntry[];
  ms: number;
  totalMs: number;
}

/** Validates arguments against the tool's input schema; returns the problems a person can fix. */
export function checkToolArguments(tool: Tool, args: Record<string, unknown>): string[] {
  return validateJsonSchema(args, tool.inputSchema, 'arguments');
}

/**
 * tools/call in its own session (initialize → call → close). The raw request is used, not
 * Client.callTool, so a result that breaks its outputSchema is still shown — with the problems.
 */
export async function callTool(options: McpSessionOptions, tool: Tool, args: Record<string, unknown>): Promise<ToolCallReport> {
  let ms = 0;
  const outcome = await withMcpSession(options, async ({ client, signal }) => {
    const started = performance.now();
    const result = await client.request({ method: 'tools/call', params: { name: tool.name, arguments: args } }, CallToolResultSchema, {
      signal,
      timeout: options.timeoutMs,
    });
    ms = Math.round(performance.now() - started);
    return result;
  });
  const result = outcome.value;
  const outputSchemaErrors =
    result && tool.outputSchema && !result.isError
      ? result.structuredContent === undefined
        ? ['The tool declares an outputSchema but returned no structuredContent.']
        : validateJsonSchema(result.structuredContent, tool.outputSchema)
      : undefined;
  return {
    outcome: outcome.outcome,
    tool: tool.name,
    result,
    outputSchemaErrors,
    failure: outcome.failure,
    transport: outcome.transport,
    exchanges: outcome.exchanges,
    messages: outcome.messages,
    ms,
    totalMs: outcome.totalMs,
  };
}
