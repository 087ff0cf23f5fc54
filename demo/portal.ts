import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken, readParams, sendHtml, sendJson } from './http';
import { portalPage } from './portalPage';
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

/** The demo portal: an OAuth-style token endpoint, a JWKS, an API that wants `Authorization: Bearer`, and the page that uses them. */
export function portalRoutes(issuer: TokenIssuer, opts: Required<Pick<DemoOptions, 'tokenTtlSeconds' | 'cookieTtlSeconds'>>): RouteHandler {
  // Authorization codes waiting to be exchanged: code → what to issue. Single use.
  const codes = new Map<string, { kind: AccessKind; ttl: number }>();
  return async (req, res, url) => {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /authorize': {
        // Stands in for the sign-in page of an authorization server: the user is "signed in" at
        // once and sent back to the callback with a code, like a real OAuth redirect.
        const code = `demo-code-${randomUUID()}`;
        codes.set(code, {
          kind: url.searchParams.get('kind') === 'jwt' ? 'jwt' : 'opaque',
          ttl: clampTtl(Number(url.searchParams.get('ttl')), opts.tokenTtlSeconds),
        });
        // The callback path can be chosen (same origin, a path only), so test pages can be callbacks too.
        const callback = /^\/[a-z-]*$/.test(url.searchParams.get('callback') ?? '') ? url.searchParams.get('callback')! : '/callback';
        res.writeHead(302, { location: `${callback}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}` }).end();
        return true;
      }
      case 'GET /':
      case 'GET /callback':
        sendHtml(res, 200, portalPage({ defaultTtl: opts.tokenTtlSeconds }));
        return true;
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return true;
      case 'GET /.well-known/jwks.json':
      case 'GET /cdn-cgi/access/certs':
        sendJson(res, 200, await issuer.jwks());
        return true;
      case 'GET /.well-known/oauth-authorization-server':
        sendJson(res, 200, {
          issuer: issuer.issuer,
          token_endpoint: `${issuer.issuer}/oauth/token`,
          jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
          grant_types_supported: ['password', 'refresh_token'],
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
        });
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
  codes: Map<string, { kind: AccessKind; ttl: number }>,
) {
  const params = await readParams(req).catch(() => ({}) as Record<string, string>);
  if (params.grant_type === 'authorization_code') {
    const grant = params.code ? codes.get(params.code) : undefined;
    if (!grant) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The authorization code is unknown or was already used' });
    codes.delete(params.code);
    const cookie = await issuer.accessCookie('demo', opts.cookieTtlSeconds);
    return sendJson(res, 200, await issuer.issue(grant.kind, 'demo', grant.ttl), {
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
  const tokens = await issuer.issue(kind, params.username, ttl);
  const cookie = await issuer.accessCookie(params.username, opts.cookieTtlSeconds);
  sendJson(res, 200, tokens, { 'set-cookie': `CF_Authorization=${cookie}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${opts.cookieTtlSeconds}` });
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
