import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CallToolRequestSchema,
  EmptyResultSchema,
  GetPromptRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { callTool } from './callTool';
import { getPrompt } from './getPrompt';
import { MAX_SERVER_REQUESTS } from './loggingTransport';
import { readResource } from './readResource';

// A real SDK client against real low-level SDK servers on 127.0.0.1 that send what a hostile or
// broken MCP server may send while a call, read or get runs.

type Register = (server: Server) => void;

interface Started {
  url: string;
  /** Every HTTP request the server got: method and Authorization header. */
  requests: { method: string; authorization?: string; rpc?: string }[];
  close(): Promise<void>;
}

const servers: Started[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A stateless server (one SDK Server per POST, no GET stream) with the handlers `register` sets. */
async function start(capabilities: ServerCapabilities, register: Register = () => {}): Promise<Started> {
  const requests: Started['requests'] = [];
  const http: HttpServer = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    const body = text ? (JSON.parse(text) as { method?: string }) : undefined;
    requests.push({ method: req.method ?? '', authorization: req.headers.authorization, rpc: body?.method });
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const server = new Server({ name: 'hostile', version: '1' }, { capabilities });
    register(server);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void server.close());
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const started: Started = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    requests,
    close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
  servers.push(started);
  return started;
}

const options = (url: string, timeoutMs = 5000) => ({
  url,
  auth: { token: { value: 'secret-token', fingerprint: 'f' } },
  transport: 'streamable-http' as const,
  timeoutMs,
});
const tool = { name: 'go', inputSchema: { type: 'object' as const } };

describe('a server that floods the panel with requests of its own', () => {
  it('does not make the panel send a POST per request: past a cap, server requests are left unanswered', async () => {
    const server = await start({ tools: {} }, (s) => {
      s.setRequestHandler(CallToolRequestSchema, async (_, extra) => {
        // Not awaited: a flood of roots/list and ping requests on the call's stream.
        for (let i = 0; i < 2000; i++) {
          void extra.sendRequest({ method: i % 2 ? 'roots/list' : 'ping' }, EmptyResultSchema).catch(() => {});
        }
        await new Promise((r) => setTimeout(r, 200));
        return { content: [{ type: 'text', text: 'done' }] };
      });
    });
    const report = await callTool(options(server.url), tool, {});
    expect(report.result?.content).toEqual([{ type: 'text', text: 'done' }]);
    // Each answer, even "Method not found", is a fetch of its own: 2,000 of them before the cap.
    expect(report.exchanges.length).toBeLessThanOrEqual(MAX_SERVER_REQUESTS + 5);
    expect(report.messages.length).toBeLessThanOrEqual(2 * MAX_SERVER_REQUESTS + 10);
    // The first ones are still answered and reported.
    expect(report.activity.serverRequests.length).toBeGreaterThan(0);
  });
});

describe('lists the server says changed, then will not list', () => {
  it('keeps the answer the server gave: a re-list that fails does not turn a read into a failure', async () => {
    const server = await start({ resources: {}, tools: { listChanged: true } }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => {
        throw new Error('tools/list is down');
      });
      s.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
        await extra.sendNotification({ method: 'notifications/tools/list_changed' });
        return { contents: [{ uri: request.params.uri, text: 'the content' }] };
      });
    });
    const report = await readResource(options(server.url), 'demo://a');
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ outcome: 'pass', value: { contents: [{ text: 'the content' }] } });
  });

  it('re-lists once for a storm of list_changed notifications, not once per notification', async () => {
    const server = await start({ tools: { listChanged: true }, prompts: { listChanged: true }, resources: { listChanged: true } }, (s) => {
      s.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [tool] }));
      s.setRequestHandler(CallToolRequestSchema, async (_, extra) => {
        for (let i = 0; i < 3000; i++) await extra.sendNotification({ method: 'notifications/tools/list_changed' });
        return { content: [] };
      });
    });
    const report = await callTool(options(server.url), tool, {});
    expect(report.outcome).toBe('pass');
    expect(server.requests.filter((r) => r.rpc === 'tools/list')).toHaveLength(1);
    expect(report.relisted?.tools).toEqual([tool]);
    expect(report.changedLate).toBeUndefined();
  });
});

describe('a server that advertises logging but refuses logging/setLevel', () => {
  it('still reads: the level the user chose is a wish, not a condition of the read', async () => {
    const server = await start({ resources: {}, logging: {} }, (s) => {
      s.setRequestHandler(SetLevelRequestSchema, () => {
        throw new Error('no levels here');
      });
      s.setRequestHandler(ReadResourceRequestSchema, (request) => ({ contents: [{ uri: request.params.uri, text: 'the content' }] }));
    });
    const report = await readResource({ ...options(server.url), logLevel: 'error' }, 'demo://a');
    expect(server.requests.map((r) => r.rpc)).toContain('logging/setLevel');
    expect(report.failure).toBeUndefined();
    expect(report.value?.contents).toEqual([{ uri: 'demo://a', text: 'the content' }]);
  });
});

describe('URIs that point elsewhere', () => {
  it('reads a resource whose URI is another http(s) server through the target only: the other server never sees a request, nor the token', async () => {
    const elsewhere = await start({ tools: {} });
    const target = await start({ resources: {}, prompts: {} }, (s) => {
      s.setRequestHandler(ReadResourceRequestSchema, (request) => ({
        contents: [{ uri: request.params.uri, mimeType: 'text/html', text: '<script>fetch("/x")</script>' }],
      }));
      s.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [{ uri: elsewhere.url, name: 'elsewhere' }] }));
      s.setRequestHandler(GetPromptRequestSchema, () => ({
        messages: [
          { role: 'user', content: { type: 'resource_link', uri: elsewhere.url, name: 'link' } },
          { role: 'user', content: { type: 'resource', resource: { uri: elsewhere.url, blob: 'AAAA', mimeType: 'image/png' } } },
        ],
      }));
    });
    const read = await readResource(options(target.url), elsewhere.url);
    expect(read).toMatchObject({ outcome: 'pass', uri: elsewhere.url });
    const got = await getPrompt(options(target.url), 'p', {});
    expect(got.outcome).toBe('pass');
    expect(elsewhere.requests).toEqual([]);
    expect(target.requests.every((r) => r.authorization === 'Bearer secret-token')).toBe(true);
  });
});
