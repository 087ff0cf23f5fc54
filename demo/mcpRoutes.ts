import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { bearerToken, readBody, sendHtml, sendJson } from './http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createContentMcpServer } from './mcpContent';
import { createPortalMcpServer, createWorkerMcpServer } from './mcpTools';
import type { RouteHandler } from './portal';
import type { TokenIssuer } from './tokenIssuer';

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, accept, mcp-session-id, mcp-protocol-version, last-event-id, cf-access-client-id, cf-access-client-secret, x-api-key',
  'access-control-expose-headers': 'mcp-session-id, www-authenticate, mcp-protocol-version',
  'access-control-max-age': '600',
};

export interface McpEndpointOptions {
  /** A valid, unexpired portal token is required; a 401 challenge otherwise. */
  auth: boolean;
  /** Headers set on every answer (CORS); none when absent. */
  cors?: Record<string, string>;
  /** Stateless with JSON responses, like a Worker, instead of the session-keeping portal server. */
  worker?: boolean;
  /** Where the 401 challenge says the RFC 9728 metadata lives; the challenge has no `resource_metadata` when absent. */
  resourceMetadata?: string;
  /** Token audiences accepted (default: the portal's `/mcp`). */
  audiences?: string[];
  /** The MCP server each new session gets (default: the portal's). */
  server?: () => McpServer;
}

/** The portal's MCP server: its tools plus resources, templates, a prompt, a long tool and an elicitation tool. */
const portalMcpServer = () => createContentMcpServer('demo-portal-mcp', '1.2.0');

/** A real MCP SDK server behind Streamable HTTP, with the portal's bearer-token gate in front. */
export function mcpEndpoint(issuer: TokenIssuer): {
  serve: (req: IncomingMessage, res: ServerResponse, opts: McpEndpointOptions) => Promise<void>;
  authorize: (req: IncomingMessage, res: ServerResponse, opts: McpEndpointOptions) => Promise<boolean>;
} {
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  /** RFC 6750 §3 + RFC 9728: say why, and where the resource's metadata lives. */
  const authorize = async (req: IncomingMessage, res: ServerResponse, opts: McpEndpointOptions): Promise<boolean> => {
    const token = bearerToken(req);
    const headers = opts.cors ?? {};
    const metadataParam = opts.resourceMetadata ? `, resource_metadata="${opts.resourceMetadata}"` : '';
    // Like a portal behind Cloudflare Access: the app's CF_Authorization JWT in cf-access-token also works.
    const accessToken = req.headers['cf-access-token'];
    if (!token && typeof accessToken === 'string') {
      const access = await issuer.checkAccessJwt(accessToken);
      if (access.ok) return true;
      sendJson(
        res,
        401,
        { error: 'unauthorized', message: access.description },
        { ...headers, 'www-authenticate': `Bearer realm="demo-portal", error="invalid_token", error_description="${access.description}"` },
      );
      return false;
    }
    if (!token) {
      sendJson(
        res,
        401,
        { error: 'unauthorized', message: 'Missing bearer token' },
        { ...headers, 'www-authenticate': `Bearer realm="demo-portal"${metadataParam}` },
      );
      return false;
    }
    const check = await issuer.check(token, opts.audiences);
    if (!check.ok) {
      sendJson(
        res,
        401,
        { error: 'unauthorized', message: 'Token expired or invalid' },
        {
          ...headers,
          'www-authenticate': `Bearer realm="demo-portal", error="invalid_token", error_description="${check.description}"${metadataParam}`,
        },
      );
      return false;
    }
    return true;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, opts: McpEndpointOptions): Promise<void> => {
    if (opts.cors) for (const [k, v] of Object.entries(opts.cors)) res.setHeader(k, v);
    if (opts.auth && !(await authorize(req, res, opts))) return;
    if (opts.worker) {
      // Stateless with JSON responses, as many Workers run: a fresh server per request.
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      const server = createWorkerMcpServer();
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res, await parsedBody(req));
      return;
    }
    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing) return existing.handleRequest(req, res, await parsedBody(req));
    if (typeof sessionId === 'string') return sendJson(res, 404, { jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await (opts.server ?? portalMcpServer)().connect(transport);
    await transport.handleRequest(req, res, await parsedBody(req));
  };
  return { serve, authorize };
}

/**
 * The demo's MCP endpoints, all real SDK servers:
 * - `/mcp` Streamable HTTP and `/sse` legacy HTTP+SSE, accepting only valid, unexpired portal tokens:
 *   the portal's tools, resources, resource templates, a prompt, a long tool with progress and logs,
 *   and a tool that asks for elicitation;
 * - `/content/mcp`, the same server without a token; `/tools-only/mcp`, the portal's tools alone
 *   (with a token), where a test takes exactly the 4 requests the bench counts;
 * - `/worker/mcp`, no token, like the user's own Worker;
 * - failure look-alikes for the panel's error reports: an Access-style HTML login page, a server
 *   that never answers, a 500, a 403 insufficient_scope, and an MCP server without CORS headers.
 */
export function mcpRoutes(issuer: TokenIssuer): RouteHandler {
  const sseSessions = new Map<string, SSEServerTransport>();
  const hanging = new Set<ServerResponse>();
  const resourceMetadata = `${issuer.issuer}/.well-known/oauth-protected-resource`;

  const endpoint = mcpEndpoint(issuer);
  const streamable = (req: IncomingMessage, res: ServerResponse, opts: { auth: boolean; cors: boolean; worker?: boolean }) =>
    endpoint.serve(req, res, { auth: opts.auth, worker: opts.worker, cors: opts.cors ? CORS_HEADERS : undefined, resourceMetadata });
  const authorize = (req: IncomingMessage, res: ServerResponse) => endpoint.authorize(req, res, { auth: true, cors: CORS_HEADERS, resourceMetadata });

  return async (req, res, url) => {
    const path = url.pathname;
    if (req.method === 'OPTIONS' && /\/(mcp|sse)(\/message)?$/.test(path) && !path.startsWith('/nocors')) {
      res.writeHead(204, CORS_HEADERS).end();
      return true;
    }
    switch (path) {
      case '/.well-known/oauth-protected-resource':
      case '/.well-known/oauth-protected-resource/mcp':
        sendJson(
          res,
          200,
          { resource: `${issuer.issuer}/mcp`, authorization_servers: [issuer.issuer], bearer_methods_supported: ['header'], scopes_supported: ['mcp:tools'] },
          CORS_HEADERS,
        );
        return true;
      case '/mcp':
        await streamable(req, res, { auth: true, cors: true });
        return true;
      case '/worker/mcp':
        await streamable(req, res, { auth: false, cors: true, worker: true });
        return true;
      case '/tools-only/mcp':
        // The portal's tools and nothing else: a test needs exactly 4 requests here (what `npm run bench` counts).
        await endpoint.serve(req, res, { auth: true, cors: CORS_HEADERS, resourceMetadata, server: createPortalMcpServer });
        return true;
      case '/content/mcp':
        await endpoint.serve(req, res, { auth: false, cors: CORS_HEADERS, server: createContentMcpServer });
        return true;
      case '/nocors/mcp':
        await streamable(req, res, { auth: false, cors: false, worker: true });
        return true;
      case '/sse': {
        for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
        // What an old SSE-only server says to a Streamable HTTP POST: clients then fall back to GET.
        if (req.method !== 'GET') return (sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET' }), true);
        if (!(await authorize(req, res))) return true;
        const transport = new SSEServerTransport('/sse/message', res);
        sseSessions.set(transport.sessionId, transport);
        transport.onclose = () => sseSessions.delete(transport.sessionId);
        await portalMcpServer().connect(transport);
        return true;
      }
      case '/sse/message': {
        for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
        if (!(await authorize(req, res))) return true;
        const transport = sseSessions.get(url.searchParams.get('sessionId') ?? '');
        if (!transport) return (sendJson(res, 404, { error: 'unknown session' }), true);
        await transport.handlePostMessage(req, res, await parsedBody(req));
        return true;
      }
      case '/login-wall/mcp':
        // What a client gets from a portal when the browser has no Access session.
        sendHtml(
          res,
          200,
          '<!doctype html><html><head><title>Sign in ・ Cloudflare Access</title></head><body><h1>Sign in to Demo Team</h1><form action="https://demo-team.cloudflareaccess.com/cdn-cgi/access/login"><button>Continue with SSO</button></form></body></html>',
          CORS_HEADERS,
        );
        return true;
      case '/access-redirect/mcp':
        // Cloudflare Access without a session: a redirect to the team's login page on another origin.
        res.writeHead(302, { ...CORS_HEADERS, location: `http://localhost:${new URL(issuer.issuer).port}/cdn-cgi/access/login?redirect_url=%2Fmcp` }).end();
        return true;
      case '/hang/mcp':
        if (req.method === 'OPTIONS') return false;
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return true;
      case '/broken/mcp':
        sendJson(res, 500, { error: 'internal', message: 'Worker threw: TypeError: Cannot read properties of undefined' }, CORS_HEADERS);
        return true;
      case '/forbidden/mcp':
        sendJson(
          res,
          403,
          { error: 'insufficient_scope' },
          {
            ...CORS_HEADERS,
            'www-authenticate': 'Bearer error="insufficient_scope", scope="mcp:admin", error_description="This portal needs the mcp:admin scope"',
          },
        );
        return true;
      default:
        return false;
    }
  };
}

async function parsedBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
