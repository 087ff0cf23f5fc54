import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { callTool } from './callTool';
import { exchangeText } from './exchangeText';
import { droppedNotifications, LoggingTransport, MAX_LOGGED_NOTIFICATIONS, type JsonRpcLogEntry } from './loggingTransport';

const progress = (i: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: i } });

/** A transport that sends nowhere; `receive` plays the server. */
function stubTransport(): Transport & { receive(message: JSONRPCMessage): void } {
  const t = {
    start: async () => {},
    send: async () => {},
    close: async () => {},
    receive: (message: JSONRPCMessage) => t.onmessage?.(message),
  } as Transport & { receive(message: JSONRPCMessage): void };
  return t;
}

describe('LoggingTransport under a flood of notifications', () => {
  it('keeps the first notifications only, every response, server request and sent message, and counts what it dropped', async () => {
    const log: JsonRpcLogEntry[] = [];
    const inner = stubTransport();
    const transport = new LoggingTransport(inner, log);
    const delivered: JSONRPCMessage[] = [];
    transport.onmessage = (m) => void delivered.push(m);
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'flood' } });
    for (let i = 0; i < 5000; i++) {
      inner.receive(progress(i));
      if (i === 3000) inner.receive({ jsonrpc: '2.0', id: 7, method: 'ping' });
    }
    await transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } });
    inner.receive({ jsonrpc: '2.0', id: 1, result: { content: [] } });

    const notifications = log.filter((m) => m.direction === 'received' && !('id' in m.message));
    expect(notifications).toHaveLength(MAX_LOGGED_NOTIFICATIONS);
    expect(notifications.at(-1)?.message).toEqual(progress(MAX_LOGGED_NOTIFICATIONS - 1));
    expect(droppedNotifications(log)).toBe(5000 - MAX_LOGGED_NOTIFICATIONS);
    expect(log.filter((m) => m.direction === 'sent').map((m) => (m.message as { method: string }).method)).toEqual(['tools/call', 'notifications/cancelled']);
    expect(log.filter((m) => m.direction === 'received' && 'id' in m.message).map((m) => m.message)).toEqual([
      { jsonrpc: '2.0', id: 7, method: 'ping' },
      { jsonrpc: '2.0', id: 1, result: { content: [] } },
    ]);
    // Only the log is bounded: the client still gets every message.
    expect(delivered).toHaveLength(5002);
    expect(exchangeText([], log)).toContain(`JSON-RPC (${MAX_LOGGED_NOTIFICATIONS + 4} messages; 4,000 more notifications not kept)`);
  });

  it('bounds the log, not each transport: a fallback attempt writing to the same log adds to the same count', () => {
    const log: JsonRpcLogEntry[] = [];
    const first = stubTransport();
    const second = stubTransport();
    new LoggingTransport(first, log);
    new LoggingTransport(second, log);
    for (let i = 0; i < 800; i++) first.receive(progress(i));
    for (let i = 0; i < 800; i++) second.receive(progress(i));
    expect(log).toHaveLength(MAX_LOGGED_NOTIFICATIONS);
    expect(droppedNotifications(log)).toBe(1600 - MAX_LOGGED_NOTIFICATIONS);
    expect(droppedNotifications([])).toBe(0);
    expect(exchangeText([], [])).not.toContain('not kept');
  });

  it('a real call to a server that sends 5,000 log notifications: the report keeps the answer and says how many were not kept', async () => {
    const server = await startFloodServer(5000);
    try {
      const report = await callTool(
        { url: server.url, auth: {}, transport: 'streamable-http', timeoutMs: 10_000 },
        { name: 'flood', inputSchema: { type: 'object' } },
        {},
      );
      expect(report.result?.content).toEqual([{ type: 'text', text: 'flooded' }]);
      const notifications = report.messages.filter((m) => m.direction === 'received' && !('id' in m.message));
      expect(notifications).toHaveLength(MAX_LOGGED_NOTIFICATIONS);
      expect(droppedNotifications(report.messages)).toBe(5000 - MAX_LOGGED_NOTIFICATIONS);
      expect(report.messages.filter((m) => m.direction === 'sent').map((m) => (m.message as { method?: string }).method)).toContain('tools/call');
      expect(exchangeText(report.exchanges, report.messages)).toMatch(/JSON-RPC \(\d+ messages; 4,000 more notifications not kept\)/);
    } finally {
      await server.close();
    }
  });
});

/** A stateless SDK server whose one tool, flood, sends `count` log notifications on the call's stream before it answers. */
async function startFloodServer(count: number): Promise<{ url: string; close(): Promise<void> }> {
  const http: HttpServer = createServer(async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const mcp = new McpServer({ name: 'flood', version: '1' }, { capabilities: { tools: {}, logging: {} } });
    mcp.registerTool('flood', { description: `sends ${count} log notifications` }, async (extra) => {
      for (let i = 0; i < count; i++) await extra.sendNotification({ method: 'notifications/message', params: { level: 'info', data: `line ${i}` } });
      return { content: [{ type: 'text', text: 'flooded' }] };
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void mcp.close());
    await mcp.connect(transport);
    await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString()));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
}
