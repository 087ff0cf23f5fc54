import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { runOperation, type OperationOptions, type OperationReport } from './operation';

export interface ResourceReadReport extends OperationReport<ReadResourceResult> {
  uri: string;
}

/** resources/read in its own session. */
export async function readResource(options: OperationOptions, uri: string): Promise<ResourceReadReport> {
  const report = await runOperation(options, ({ client }, requestOptions) => client.readResource({ uri }, requestOptions));
  return { ...report, uri };
}
