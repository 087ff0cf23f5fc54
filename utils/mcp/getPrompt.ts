import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { runOperation, type OperationOptions, type OperationReport } from './operation';

export interface PromptGetReport extends OperationReport<GetPromptResult> {
  prompt: string;
  args: Record<string, string>;
}

/** prompts/get in its own session; arguments are strings, as the spec defines them. */
export async function getPrompt(options: OperationOptions, prompt: string, args: Record<string, string>): Promise<PromptGetReport> {
  const report = await runOperation(options, ({ client }, requestOptions) => client.getPrompt({ name: prompt, arguments: args }, requestOptions));
  return { ...report, prompt, args };
}
