import type { IncomingMessage } from 'node:http';
import { bearerToken, sendHtml, sendJson } from './http';
import { CORS_HEADERS, mcpEndpoint } from './mcpRoutes';
import { authServerMetadata, type RouteHandler } from './portal';
import type { TokenIssuer } from './tokenIssuer';

/** The auth diagnostics check each demo endpoint fails; every other check passes on it. */
export const AUTH_DEMO_FLAWS = {
  'no-resource-metadata': 'resource-metadata',
  redirect: 'challenge',
  'no-s256': 'pkce',
  'no-refresh': 'refresh',
  'wrong-resource': 'resource-matches',
  'cors-hides': 'cors',
  'skewed-date': 'clock-skew',
} as const;

export type AuthDemoFlaw = keyof typeof AUTH_DEMO_FLAWS;

const SKEW_MS = 10 * 60 * 1000;
const PRM_PREFIX = '/.well-known/oauth-protected-resource/auth-demo/';

/** The same CORS as `/mcp` minus the exposed headers, so a page cannot read WWW-Authenticate or Mcp-Session-Id. */
const HIDING_CORS_HEADERS = Object.fromEntries(Object.entries(CORS_HEADERS).filter(([name]) => name !== 'access-control-expose-headers'));

type Part = 'mcp' | 'login' | 'resource-metadata' | 'as-metadata';

function parse(pathname: string): { flaw: AuthDemoFlaw; part: Part } | undefined {
  const endpoint = /^\/auth-demo\/([a-z0-9-]+)\/(mcp|login)$/.exec(pathname);
  const metadata = /^\/\.well-known\/oauth-protected-resource\/auth-demo\/([a-z0-9-]+)\/mcp$/.exec(pathname);
  const server = /^\/\.well-known\/oauth-authorization-server\/auth-demo\/([a-z0-9-]+)$/.exec(pathname);
  const flaw = (endpoint ?? metadata ?? server)?.[1];
  if (flaw === undefined || !Object.hasOwn(AUTH_DEMO_FLAWS, flaw)) return undefined;
  const part: Part = endpoint ? (endpoint[2] as 'mcp' | 'login') : metadata ? 'resource-metadata' : 'as-metadata';
  return { flaw: flaw as AuthDemoFlaw, part };
}

/**
 * One MCP endpoint per auth diagnostics failure, under `/auth-demo/<flaw>/mcp`. Each is the portal's
 * MCP server with its own protected resource metadata and its own authorization server (issuer
 * `<origin>/auth-demo/<flaw>`, metadata at the RFC 8414 path-inserted URL, the portal's endpoints),
 * correct in everything except its one flaw.
 */
export function authDemoRoutes(issuer: TokenIssuer): RouteHandler {
  const origin = issuer.issuer;
  const endpoint = mcpEndpoint(issuer);
  for (const flaw of Object.keys(AUTH_DEMO_FLAWS)) issuer.addResource(`${origin}/auth-demo/${flaw}/mcp`);

  return async (req, res, url) => {
    const target = parse(url.pathname);
    if (!target) return false;
    const { flaw, part } = target;
    const base = `${origin}/auth-demo/${flaw}`;
    const resource = `${base}/mcp`;
    const cors = flaw === 'cors-hides' ? HIDING_CORS_HEADERS : CORS_HEADERS;
    // Set before anything is written, so every answer of this endpoint carries it, preflights included.
    if (flaw === 'skewed-date') res.setHeader('date', new Date(Date.now() - SKEW_MS).toUTCString());
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return true;
    }

    switch (part) {
      case 'resource-metadata':
        sendJson(
          res,
          200,
          {
            resource: flaw === 'wrong-resource' ? 'https://other.example/mcp' : resource,
            authorization_servers: [base],
            bearer_methods_supported: ['header'],
            scopes_supported: ['mcp:tools'],
          },
          cors,
        );
        return true;
      case 'as-metadata':
        sendJson(
          res,
          200,
          authServerMetadata(base, issuer, {
            ...(flaw === 'no-s256' ? { code_challenge_methods_supported: ['plain'] } : {}),
            ...(flaw === 'no-refresh' ? { grant_types_supported: ['authorization_code'] } : {}),
          }),
          cors,
        );
        return true;
      case 'login':
        sendHtml(
          res,
          200,
          '<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in to the demo portal</h1><a href="/">Continue</a></body></html>',
          cors,
        );
        return true;
      case 'mcp': {
        // Tokens issued for this resource (RFC 8707) and the portal's own /mcp tokens both work, so a signed-in demo page can test every endpoint.
        const audiences = [resource, issuer.defaultResource];
        if (flaw === 'redirect' && !(await hasValidToken(req, issuer, audiences))) {
          // A login wall instead of an RFC 6750 challenge: what an MCP client cannot follow.
          res.writeHead(302, { ...cors, location: `${base}/login` }).end();
          return true;
        }
        const resourceMetadata = flaw === 'no-resource-metadata' ? undefined : `${origin}${PRM_PREFIX}${flaw}/mcp`;
        await endpoint.serve(req, res, { auth: true, cors, resourceMetadata, audiences });
        return true;
      }
    }
  };
}

async function hasValidToken(req: IncomingMessage, issuer: TokenIssuer, audiences: string[]): Promise<boolean> {
  const token = bearerToken(req);
  return token !== undefined && (await issuer.check(token, audiences)).ok;
}
