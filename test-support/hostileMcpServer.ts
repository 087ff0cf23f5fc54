import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/** `^(a+)+$` backtracks exponentially on a run of a's that ends in something else. */
export const CATASTROPHIC_PATTERN = '^(a+)+$';
export const CATASTROPHIC_VALUE = `${'a'.repeat(34)}!`;
export const DEEP_LEVELS = 5000;

/**
 * A schema nested `levels` deep, { type: object, properties: { x: { type: object, properties: { x: … } } } },
 * as JSON text: JSON.stringify itself overflows the stack on it, so it is built as text.
 */
export function deepSchemaJson(levels: number): string {
  return `${'{"type":"object","properties":{"x":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
}

// Stands in for the deep schema inside the SDK's reply, replaced by its text on the way out.
const DEEP_PLACEHOLDER = { $comment: 'deep schema here' };
const DEEP_PLACEHOLDER_JSON = JSON.stringify(DEEP_PLACEHOLDER);
const PROTO_KEY = 'proto-key-placeholder';

/**
 * Tools a hostile MCP server might list. JSON text, so `__proto__` arrives as an own key (as it
 * would from any server) rather than as an object literal's prototype.
 */
const PROTO_TOOL = JSON.parse(`{
  "name": "proto_keys",
  "description": "Schema, arguments and results with __proto__, toString and constructor keys.",
  "inputSchema": {
    "type": "object",
    "properties": {
      "__proto__": { "type": "string", "default": "plain data" },
      "toString": { "enum": [{ "toString": 1 }, { "__proto__": { "polluted": true } }, "plain"] },
      "constructor": { "type": "object", "default": { "__proto__": { "polluted": true } } }
    },
    "required": ["__proto__"]
  },
  "outputSchema": {
    "type": "object",
    "properties": { "__proto__": { "type": "object", "required": ["polluted"] } },
    "required": ["__proto__"]
  }
}`);

const CATASTROPHIC_TOOL = {
  name: 'catastrophic_pattern',
  description: 'A pattern that backtracks for minutes, with a default that triggers it.',
  inputSchema: { type: 'object', properties: { name: { type: 'string', pattern: CATASTROPHIC_PATTERN, default: CATASTROPHIC_VALUE } } },
  outputSchema: { type: 'object', properties: { echo: { type: 'string', pattern: CATASTROPHIC_PATTERN } }, required: ['echo'] },
};

const DEEP_TOOL = {
  name: 'deep_schema',
  description: `An input schema nested ${DEEP_LEVELS} levels deep.`,
  inputSchema: { type: 'object', properties: { x: DEEP_PLACEHOLDER } },
};

export const HOSTILE_TOOLS = [PROTO_TOOL, CATASTROPHIC_TOOL, DEEP_TOOL];

function hostileMcpServer(): Server {
  const server = new Server({ name: 'hostile-mcp', version: '6.6.6' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: HOSTILE_TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    switch (request.params.name) {
      case 'proto_keys':
        // The SDK server rebuilds results (dropping __proto__ keys): the key is renamed on the way out.
        return { content: [{ type: 'text', text: '{"__proto__":{"polluted":true}}' }], structuredContent: { [PROTO_KEY]: { polluted: true }, toString: 1 } };
      case 'catastrophic_pattern':
        return { content: [{ type: 'text', text: CATASTROPHIC_VALUE }], structuredContent: { echo: CATASTROPHIC_VALUE } };
      default:
        return { content: [{ type: 'text', text: 'ok' }] };
    }
  });
  return server;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, mcp-session-id, mcp-protocol-version, last-event-id',
  'access-control-expose-headers': 'mcp-session-id, www-authenticate, mcp-protocol-version',
};

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export interface HostileServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A real SDK server at `<url>` (stateless Streamable HTTP with JSON responses, a fresh server per
 * request), on 127.0.0.1 and a free port.
 */
export async function startHostileMcpServer(): Promise<HostileServer> {
  const http: HttpServer = createServer((req, res) => {
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    // A page to open DevTools on (Chromium hides extension panels on its own error pages).
    if (req.url === '/')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>hostile MCP server</title><p>MCP at /mcp</p>');
    if (!req.url?.startsWith('/mcp')) return void res.writeHead(404).end();
    void (async () => {
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      const server = hostileMcpServer();
      await server.connect(transport);
      const body = req.method === 'POST' ? await jsonBody(req) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const response = await transport.handleRequest(request, { parsedBody: body });
      const text = (await response.text()).replace(DEEP_PLACEHOLDER_JSON, () => deepSchemaJson(DEEP_LEVELS)).replaceAll(`"${PROTO_KEY}"`, '"__proto__"');
      response.headers.forEach((v, k) => res.setHeader(k, v));
      res.writeHead(response.status).end(text);
      await server.close();
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: () => new Promise<void>((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
}
