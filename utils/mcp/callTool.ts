import { CallToolResultSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { runOperation, type OperationOptions, type OperationReport } from './operation';
import { hasOwn, isPlainObject } from './ownProps';
import { rawResult } from './rawResult';
import { checkWithoutPatterns, type SchemaChecker } from './schemaChecker';
import type { SchemaCheckResult } from './validateJsonSchema';

export interface ToolCallReport extends Omit<OperationReport<CallToolResult>, 'value'> {
  tool: string;
  result?: CallToolResult;
  /** `structuredContent` against the tool's `outputSchema`: no errors when it conforms; `unchecked` says what was not checked. */
  outputCheck?: SchemaCheckResult;
}

export interface ToolCallOptions extends OperationOptions {
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
  const { value: result, ...report } = await runOperation(options, async ({ client, messages }, requestOptions) => {
    const parsed = await client.request({ method: 'tools/call', params: { name: tool.name, arguments: args } }, CallToolResultSchema, requestOptions);
    // structuredContent as sent: parsing dropped any key named __proto__.
    const raw = rawResult(messages, 'tools/call');
    return raw && hasOwn(raw, 'structuredContent') && isPlainObject(raw.structuredContent) ? { ...parsed, structuredContent: raw.structuredContent } : parsed;
  });
  const check = options.checkSchema ?? checkWithoutPatterns;
  const outputCheck =
    result && tool.outputSchema && !result.isError
      ? result.structuredContent === undefined
        ? { errors: ['The tool declares an outputSchema but returned no structuredContent.'] }
        : await check(result.structuredContent, tool.outputSchema, 'structuredContent')
      : undefined;
  return { ...report, tool: tool.name, result, outputCheck };
}
