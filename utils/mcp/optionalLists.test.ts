import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  ErrorCode,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { listResources } from './mcpLists';
import { runToolsTest } from './runToolsTest';

// The SDK's low-level Server answers -32601 for any method it has no handler for: a server that
// advertises resources with only a resources/list handler is legal, and common.
describe('optional lists the server refuses', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());
  const run = (timeoutMs = 5000) => runToolsTest({ url: server!.url, auth: {}, transport: 'streamable-http', timeoutMs });

  it('passes on tools when resources/templates/list is not implemented: resources listed, the missing templates noted', async () => {
    server = await startLowLevelServer({ tools: {}, resources: {} }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }));
      s.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [{ uri: 'demo://a', name: 'a' }] }));
    });
    const report = await run();
    expect(report.failure).toBeUndefined();
    expect(report.outcome).toBe('pass');
    expect(report.tools.map((t) => t.name)).toEqual(['echo']);
    expect(report.resources?.map((r) => r.uri)).toEqual(['demo://a']);
    expect(report.resourceTemplates).toEqual([]);
    expect(report.listNotes).toEqual([
      'The server advertises resources but answered resources/templates/list with -32601 Method not found: no resource templates listed.',
    ]);
  });

  it('passes on tools when prompts/list answers a JSON-RPC error, and still lists the templates', async () => {
    server = await startLowLevelServer({ tools: {}, resources: {}, prompts: {} }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }));
      s.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
      s.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [{ uriTemplate: 'demo://{id}', name: 'by id' }] }));
      s.setRequestHandler(ListPromptsRequestSchema, () => {
        throw new McpError(ErrorCode.InternalError, 'prompt store\n  offline');
      });
    });
    const report = await run();
    expect(report.outcome).toBe('pass');
    expect(report.resourceTemplates?.map((t) => t.uriTemplate)).toEqual(['demo://{id}']);
    expect(report.prompts).toEqual([]);
    expect(report.listNotes).toEqual(['The server advertises prompts but answered prompts/list with -32603 prompt store offline: no prompts listed.']);
  });

  it('still fails when tools/list is refused', async () => {
    server = await startLowLevelServer({ tools: {}, resources: {} }, (s) => {
      s.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
    });
    const report = await run();
    expect(report.outcome).toBe('fail');
    expect(report.failure?.detail).toMatch(/-32601/);
  });

  it('still fails when the connection breaks on an optional list', async () => {
    server = await startLowLevelServer({ tools: {}, resources: {} }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [] }));
      s.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
    });
    server.breakOn = 'resources/templates/list';
    const report = await run();
    expect(report.outcome).toBe('fail');
    expect(report.listNotes).toEqual([]);
  });

  it('still fails with a timeout when an optional list never answers', async () => {
    server = await startLowLevelServer({ tools: {}, resources: {} }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [] }));
      s.setRequestHandler(ListResourcesRequestSchema, () => new Promise(() => {}));
    });
    const report = await run(500);
    expect(report).toMatchObject({ outcome: 'fail', failure: { kind: 'timeout' } });
  });

  it("does not take the SDK's own McpErrors (its timeout, a closed connection) for the server's answer", async () => {
    for (const code of [ErrorCode.RequestTimeout, ErrorCode.ConnectionClosed]) {
      const client = {
        listResources: async () => ({ resources: [] }),
        listResourceTemplates: () => Promise.reject(new McpError(code, 'made by the client')),
      } as unknown as Client;
      // No error response in the log: the server never answered.
      const sent = { direction: 'sent' as const, at: 0, message: { jsonrpc: '2.0' as const, id: 2, method: 'resources/templates/list' } };
      await expect(listResources(client, [sent], {}, [])).rejects.toMatchObject({ code });
    }
  });
});

interface TestServer {
  url: string;
  /** A method whose POST gets its connection destroyed instead of an answer. */
  breakOn?: string;
  close(): Promise<void>;
}

/** A stateless low-level SDK Server on 127.0.0.1 (one Server per request), with the handlers `register` sets. */
async function startLowLevelServer(capabilities: ServerCapabilities, register: (server: Server) => void): Promise<TestServer> {
  const test: TestServer = { url: '', close: async () => {} };
  const http: HttpServer = createServer(async (req, res) => {
    const body = await jsonBody(req);
    if (test.breakOn && body?.method === test.breakOn) return void req.socket.destroy();
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const server = new Server({ name: 'low-level', version: '1' }, { capabilities });
    register(server);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => void server.close());
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  test.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
  test.close = () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve())));
  return test;
}

async function jsonBody(req: IncomingMessage): Promise<{ method?: string } | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { method?: string }) : undefined;
}
