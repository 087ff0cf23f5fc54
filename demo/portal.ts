import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken, readBody, readParams, sendHtml, sendJson } from './http';
import { autoRefreshPage, portalPage } from './portalPage';
import { TokenIssuer, type AccessKind } from './tokenIssuer';

export interface DemoOptions {
  port?: number;
  host?: string;
  /** Access token lifetime in seconds (default 300); the token endpoint also takes `ttl`. */
  tokenTtlSeconds?: number;
  /** Lifetime of the CF_Authorization cookie JWT (default 24 h, like Access). */
  cookieTtlSeconds?: number;
  /** The issuer's clock in Unix seconds; tests move it to expire tokens without waiting. */
  now?: () => number;
}

export interface DemoServer {
  url: string;
  issuer: TokenIssuer;
  server: Server;
  close(): Promise<void>;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

/** Metadata and registration are read by browser-based MCP clients too. */
export const METADATA_CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, mcp-protocol-version',
  'access-control-max-age': '600',
};

/**
 * RFC 8414 metadata for an authorization server named `issuerUrl` whose endpoints are the portal's
 * own (the demo's per-endpoint authorization servers share them); `overrides` replace fields.
 */
export function authServerMetadata(issuerUrl: string, portal: TokenIssuer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    issuer: issuerUrl,
    authorization_endpoint: `${portal.issuer}/authorize`,
    token_endpoint: `${portal.issuer}/oauth/token`,
    registration_endpoint: `${portal.issuer}/register`,
    jwks_uri: `${portal.issuer}/.well-known/jwks.json`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['mcp:tools'],
    ...overrides,
  };
}

/** The demo portal: an OAuth-style token endpoint, a JWKS, an API that wants `Authorization: Bearer`, and the page that uses them. */
export function portalRoutes(issuer: TokenIssuer, opts: Required<Pick<DemoOptions, 'tokenTtlSeconds' | 'cookieTtlSeconds'>>): RouteHandler {
  // Authorization codes waiting to be exchanged: code → what to issue. Single use.
  const codes = new Map<string, Grant>();
  return async (req, res, url) => {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /authorize': {
        // Stands in for the sign-in page of an authorization server: the user is "signed in" at
        // once and sent back to the callback with a code, like a real OAuth redirect.
        const resource = requestedResource(issuer, url.searchParams.get('resource'));
        if (resource === null) {
          sendJson(res, 400, { error: 'invalid_target', error_description: 'Unknown resource' });
          return true;
        }
        const code = `demo-code-${randomUUID()}`;
        codes.set(code, {
          kind: url.searchParams.get('kind') === 'jwt' ? 'jwt' : 'opaque',
          ttl: clampTtl(Number(url.searchParams.get('ttl')), opts.tokenTtlSeconds),
          resource,
        });
        // The callback path can be chosen (same origin, a path only: no "//", which would name another host), so test pages can be callbacks too.
        const callback = /^\/([a-z-]+(\/[a-z-]+)*)?$/.test(url.searchParams.get('callback') ?? '') ? url.searchParams.get('callback')! : '/callback';
        res.writeHead(302, { location: `${callback}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}` }).end();
        return true;
      }
      case 'GET /':
      case 'GET /callback':
        sendHtml(res, 200, portalPage({ defaultTtl: opts.tokenTtlSeconds }));
        return true;
      case 'GET /app/auto-refresh':
        sendHtml(res, 200, autoRefreshPage());
        return true;
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return true;
      case 'GET /.well-known/jwks.json':
      case 'GET /cdn-cgi/access/certs':
        sendJson(res, 200, await issuer.jwks());
        return true;
      case 'GET /.well-known/oauth-authorization-server':
        sendJson(res, 200, authServerMetadata(issuer.issuer, issuer), METADATA_CORS_HEADERS);
        return true;
      case 'OPTIONS /.well-known/oauth-authorization-server':
      case 'OPTIONS /register':
        res.writeHead(204, METADATA_CORS_HEADERS).end();
        return true;
      case 'POST /register':
        await registerClient(req, res);
        return true;
      case 'POST /cdn-cgi/access/login': {
        // An Access-style session cookie the page never sends back (its path is this endpoint's
        // folder and the page calls nothing there again): it only ever shows in a Set-Cookie header.
        const cookie = await issuer.accessCookie('demo', opts.cookieTtlSeconds);
        sendJson(
          res,
          200,
          { ok: true },
          { 'set-cookie': `CF_Authorization=${cookie}; Path=/cdn-cgi/access/session; HttpOnly; SameSite=Lax; Max-Age=${opts.cookieTtlSeconds}` },
        );
        return true;
      }
      case 'GET /cdn-cgi/access/authorized': {
        // The same cookie set on a redirect back to the app, as Access does after its login page.
        const cookie = await issuer.accessCookie('demo', opts.cookieTtlSeconds);
        res
          .writeHead(302, {
            location: '/',
            'set-cookie': `CF_Authorization=${cookie}; Path=/cdn-cgi/access/session; HttpOnly; SameSite=Lax; Max-Age=${opts.cookieTtlSeconds}`,
          })
          .end();
        return true;
      }
      case 'POST /oauth/token':
        await tokenEndpoint(req, res, issuer, opts, codes);
        return true;
      case 'GET /api/me': {
        const token = bearerToken(req);
        const check = token ? await issuer.check(token) : undefined;
        if (!check?.ok) {
          sendJson(
            res,
            401,
            { error: 'unauthorized', message: 'Token expired or invalid' },
            { 'www-authenticate': `Bearer realm="demo-portal", error="invalid_token"` },
          );
        } else {
          sendJson(res, 200, { sub: check.sub, email: `${check.sub}@example.com`, token_expires_at: check.exp });
        }
        return true;
      }
      default:
        return false;
    }
  };
}

async function tokenEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  issuer: TokenIssuer,
  opts: { tokenTtlSeconds: number; cookieTtlSeconds: number },
  codes: Map<string, Grant>,
) {
  const params = await readParams(req).catch(() => ({}) as Record<string, string>);
  // RFC 8707: the token's audience is the resource asked for, the portal's /mcp when none is.
  const resource = requestedResource(issuer, params.resource);
  if (resource === null) return sendJson(res, 400, { error: 'invalid_target', error_description: 'Unknown resource' });
  if (params.grant_type === 'authorization_code') {
    const grant = params.code ? codes.get(params.code) : undefined;
    if (!grant) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The authorization code is unknown or was already used' });
    codes.delete(params.code);
    const cookie = await issuer.accessCookie('demo', opts.cookieTtlSeconds);
    return sendJson(res, 200, await issuer.issue(grant.kind, 'demo', grant.ttl, params.resource ? resource : grant.resource), {
      'set-cookie': `CF_Authorization=${cookie}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${opts.cookieTtlSeconds}`,
    });
  }
  if (params.grant_type === 'refresh_token') {
    const tokens = params.refresh_token ? await issuer.refreshWith(params.refresh_token) : undefined;
    if (!tokens) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is unknown or was already used' });
    return sendJson(res, 200, tokens);
  }
  if (params.grant_type !== 'password' || !params.username) {
    return sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Use grant_type=password with a username, or grant_type=refresh_token' });
  }
  const kind: AccessKind = params.kind === 'opaque' ? 'opaque' : 'jwt';
  const ttl = clampTtl(Number(params.ttl), opts.tokenTtlSeconds);
  const tokens = await issuer.issue(kind, params.username, ttl, resource);
  const cookie = await issuer.accessCookie(params.username, opts.cookieTtlSeconds);
  sendJson(res, 200, tokens, { 'set-cookie': `CF_Authorization=${cookie}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${opts.cookieTtlSeconds}` });
}

interface Grant {
  kind: AccessKind;
  ttl: number;
  resource: string;
}

/** The RFC 8707 `resource` asked for: the default when absent, null when the portal does not serve it. */
function requestedResource(issuer: TokenIssuer, resource: string | null | undefined): string | null {
  if (!resource) return issuer.defaultResource;
  return issuer.isKnownResource(resource) ? resource : null;
}

/** A minimal RFC 7591 dynamic registration: public clients (PKCE, no secret), nothing remembered. */
async function registerClient(req: IncomingMessage, res: ServerResponse) {
  let metadata: unknown;
  try {
    metadata = JSON.parse(await readBody(req, 64 * 1024));
  } catch {
    metadata = undefined;
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return sendJson(res, 400, { error: 'invalid_client_metadata', error_description: 'The body must be a JSON object' }, METADATA_CORS_HEADERS);
  }
  const { redirect_uris: redirectUris, client_name: clientName } = metadata as Record<string, unknown>;
  if (redirectUris !== undefined && !(Array.isArray(redirectUris) && redirectUris.every((uri) => typeof uri === 'string'))) {
    return sendJson(res, 400, { error: 'invalid_redirect_uri', error_description: 'redirect_uris must be an array of strings' }, METADATA_CORS_HEADERS);
  }
  sendJson(
    res,
    201,
    {
      client_id: `demo-client-${randomUUID()}`,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(typeof clientName === 'string' ? { client_name: clientName } : {}),
      redirect_uris: redirectUris ?? [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    METADATA_CORS_HEADERS,
  );
}

function clampTtl(requested: number, fallback: number): number {
  return Number.isFinite(requested) && requested >= 1 && requested <= 86400 ? Math.floor(requested) : fallback;
}

/** Starts the demo on 127.0.0.1; port 0 picks a free port (the tests do that). Extra routes come first. */
export async function startDemoServer(options: DemoOptions = {}, extraRoutes: (issuer: TokenIssuer) => RouteHandler[] = () => []): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const ttl = options.tokenTtlSeconds ?? 300;
  const issuer = new TokenIssuer(url, ttl, options.now);
  const routes = [...extraRoutes(issuer), portalRoutes(issuer, { tokenTtlSeconds: ttl, cookieTtlSeconds: options.cookieTtlSeconds ?? 86400 })];

  server.on('request', async (req, res) => {
    try {
      const reqUrl = new URL(req.url ?? '/', url);
      for (const route of routes) if (await route(req, res, reqUrl)) return;
      sendJson(res, 404, { error: 'not_found' });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', message: String(error) });
      else res.end();
    }
  });

  return {
    url,
    issuer,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
