import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { PanelJsonSchemaValidator } from './validateJsonSchema';

/**
 * A bare SDK client doing initialize + tools/list, for `npm run bench` only (built in when
 * WXT_BENCH=1): run inside the panel page, it is the baseline that makes "the panel's own MCP
 * work" a ratio of the panel's code, not of the browser's fetch.
 */
export async function bareInitializeAndListMs(url: string, token: string): Promise<number> {
  const started = performance.now();
  const client = new Client({ name: 'bench', version: '1' }, { capabilities: {}, jsonSchemaValidator: new PanelJsonSchemaValidator() });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  await client.listTools();
  const ms = performance.now() - started;
  await transport.terminateSession().catch(() => {});
  await client.close();
  return ms;
}
