import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullDemo } from '../test-support/demoServer';
import { AUTH_DEMO_FLAWS, type AuthDemoFlaw } from './authDemoRoutes';
import type { DemoServer } from './portal';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startFullDemo();
});
afterAll(() => demo.close());

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
};
const REQUESTED_HEADERS = ['authorization', 'content-type', 'mcp-session-id', 'mcp-protocol-version'];

function postInitialize(endpoint: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin: 'https://client.example', ...headers },
    body: JSON.stringify(INITIALIZE),
  });
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status, url).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function headerList(value: string | null): string[] {
  return (value ?? '').split(',').map((name) => name.trim().toLowerCase());
}

/** RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path. */
function asMetadataUrl(issuer: string): string {
  const { origin, pathname } = new URL(issuer);
  return `${origin}/.well-known/oauth-authorization-server${pathname === '/' ? '' : pathname}`;
}

async function jwtFor(tokenEndpoint: string, resource: string): Promise<string> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'demo', kind: 'jwt', resource }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The checks the auth diagnostics run against an endpoint, reduced to pass or not, and the ids that do not pass (fail or warn). */
async function failingChecks(endpoint: string): Promise<string[]> {
  const failing = new Set<string>();
  const bare = await postInitialize(endpoint);
  const invalid = await postInitialize(endpoint, { authorization: 'Bearer not-a-real-token' });
  for (const response of [bare, invalid]) {
    if (response.status !== 401 || !/^Bearer\b/i.test(response.headers.get('www-authenticate') ?? '')) failing.add('challenge');
  }

  const challengeMetadata = /resource_metadata="([^"]+)"/.exec(bare.headers.get('www-authenticate') ?? '')?.[1];
  // A 401 challenge without resource_metadata is a warning; without any challenge, that is the challenge check's failure alone.
  if (bare.status === 401 && !challengeMetadata) failing.add('resource-metadata');
  const endpointUrl = new URL(endpoint);
  const prm = await getJson(challengeMetadata ?? `${endpointUrl.origin}/.well-known/oauth-protected-resource${endpointUrl.pathname}`);
  const resource = prm.resource;
  const servers = prm.authorization_servers;
  if (typeof resource !== 'string' || !Array.isArray(servers) || typeof servers[0] !== 'string') failing.add('resource-metadata');
  if (resource !== endpoint && resource !== endpointUrl.origin && !endpoint.startsWith(`${String(resource)}/`)) failing.add('resource-matches');

  const authServer = String((servers as unknown[])[0]);
  const as = await getJson(asMetadataUrl(authServer));
  if (as.issuer !== authServer || typeof as.authorization_endpoint !== 'string' || typeof as.token_endpoint !== 'string') failing.add('as-metadata');
  if (!(as.code_challenge_methods_supported as unknown[] | undefined)?.includes('S256')) failing.add('pkce');
  if (typeof as.registration_endpoint !== 'string' && as.client_id_metadata_document_supported !== true) failing.add('registration');
  if (!(as.grant_types_supported as unknown[] | undefined)?.includes('refresh_token')) failing.add('refresh');

  const preflight = await fetch(endpoint, {
    method: 'OPTIONS',
    headers: { origin: 'https://client.example', 'access-control-request-method': 'POST', 'access-control-request-headers': REQUESTED_HEADERS.join(', ') },
  });
  const allowed = headerList(preflight.headers.get('access-control-allow-headers'));
  const exposed = headerList(bare.headers.get('access-control-expose-headers'));
  if (
    !preflight.ok ||
    !preflight.headers.get('access-control-allow-origin') ||
    !REQUESTED_HEADERS.every((name) => allowed.includes(name)) ||
    !exposed.includes('www-authenticate') ||
    !exposed.includes('mcp-session-id')
  ) {
    failing.add('cors');
  }

  // A token issued for this endpoint (RFC 8707) carries it as audience, and the endpoint's MCP server accepts it.
  const jwt = await jwtFor(String(as.token_endpoint), endpoint);
  const aud = decodeJwt(jwt).aud;
  if (!(Array.isArray(aud) ? aud : [aud]).includes(endpoint)) failing.add('token-audience');
  const authorized = await postInitialize(endpoint, { authorization: `Bearer ${jwt}` });
  expect(authorized.status, `${endpoint} with a valid token`).toBe(200);
  await authorized.body?.cancel();

  if (Math.abs(Date.parse(bare.headers.get('date') ?? '') - Date.now()) > 60_000 || Number.isNaN(Date.parse(bare.headers.get('date') ?? ''))) {
    failing.add('clock-skew');
  }
  return [...failing];
}

describe('the portal /mcp passes every auth diagnostics check', () => {
  it('fails none', async () => {
    expect(await failingChecks(`${demo.url}/mcp`)).toEqual([]);
  });

  it('publishes AS metadata with the portal as issuer, PKCE S256, refresh, authorization code and registration', async () => {
    const as = await getJson(`${demo.url}/.well-known/oauth-authorization-server`);
    expect(as).toMatchObject({
      issuer: demo.url,
      authorization_endpoint: `${demo.url}/authorize`,
      token_endpoint: `${demo.url}/oauth/token`,
      registration_endpoint: `${demo.url}/register`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(as.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    const prm = await getJson(`${demo.url}/.well-known/oauth-protected-resource/mcp`);
    expect(prm).toMatchObject({ resource: `${demo.url}/mcp`, authorization_servers: [demo.url] });
  });

  it('registers a client (RFC 7591) and refuses a body that is not client metadata', async () => {
    const registered = await fetch(`${demo.url}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Inspector', redirect_uris: ['https://client.example/cb'] }),
    });
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as Record<string, unknown>;
    expect(client.client_id).toMatch(/^demo-client-/);
    expect(client.redirect_uris).toEqual(['https://client.example/cb']);

    for (const body of ['not json', '[]', JSON.stringify({ redirect_uris: 'https://x' })]) {
      const refused = await fetch(`${demo.url}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(refused.status, body).toBe(400);
    }
  });

  it('issues a refresh token on the authorization code flow, and it works', async () => {
    const redirect = await fetch(`${demo.url}/authorize?kind=opaque&state=s`, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location')!, demo.url).searchParams.get('code')!;
    const exchange = await fetch(`${demo.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code }) });
    const { refresh_token: refreshToken } = (await exchange.json()) as { refresh_token?: string };
    expect(refreshToken).toMatch(/^oauth:rt_/);
    const refreshed = await fetch(`${demo.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken! }),
    });
    expect(refreshed.status).toBe(200);
  });

  it('keeps RFC 8707 audiences apart: a token for an auth demo endpoint is refused at /mcp, an unknown resource gets none', async () => {
    const jwt = await jwtFor(`${demo.url}/oauth/token`, `${demo.url}/auth-demo/no-s256/mcp`);
    expect((await postInitialize(`${demo.url}/mcp`, { authorization: `Bearer ${jwt}` })).status).toBe(401);
    const unknown = await fetch(`${demo.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: 'demo', kind: 'jwt', resource: 'https://other.example/mcp' }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_target' });
  });
});

describe('each /auth-demo endpoint fails exactly its own check', () => {
  it.each(Object.entries(AUTH_DEMO_FLAWS) as [AuthDemoFlaw, string][])('/auth-demo/%s/mcp fails only %s', async (flaw, check) => {
    expect(await failingChecks(`${demo.url}/auth-demo/${flaw}/mcp`)).toEqual([check]);
  });

  it('no-resource-metadata: a Bearer challenge without resource_metadata, the metadata still at the path-inserted URL', async () => {
    const response = await postInitialize(`${demo.url}/auth-demo/no-resource-metadata/mcp`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="demo-portal"');
    const prm = await getJson(`${demo.url}/.well-known/oauth-protected-resource/auth-demo/no-resource-metadata/mcp`);
    expect(prm.resource).toBe(`${demo.url}/auth-demo/no-resource-metadata/mcp`);
  });

  it('redirect: a 302 to an HTML login page, without and with an invalid token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-real-token' }] as Record<string, string>[]) {
      const response = await postInitialize(`${demo.url}/auth-demo/redirect/mcp`, headers);
      expect(response.status).toBe(302);
      expect(response.headers.get('www-authenticate')).toBeNull();
      const login = await fetch(new URL(response.headers.get('location')!, demo.url));
      expect(login.status).toBe(200);
      expect(login.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('no-s256 and no-refresh: their own AS metadata lacks S256 / refresh_token', async () => {
    const noS256 = await getJson(`${demo.url}/.well-known/oauth-authorization-server/auth-demo/no-s256`);
    expect(noS256).toMatchObject({ issuer: `${demo.url}/auth-demo/no-s256`, code_challenge_methods_supported: ['plain'] });
    const noRefresh = await getJson(`${demo.url}/.well-known/oauth-authorization-server/auth-demo/no-refresh`);
    expect(noRefresh).toMatchObject({ issuer: `${demo.url}/auth-demo/no-refresh`, grant_types_supported: ['authorization_code'] });
  });

  it('wrong-resource: the metadata names another host', async () => {
    const prm = await getJson(`${demo.url}/.well-known/oauth-protected-resource/auth-demo/wrong-resource/mcp`);
    expect(prm.resource).toBe('https://other.example/mcp');
  });

  it('cors-hides: preflight allows the headers, but neither WWW-Authenticate nor Mcp-Session-Id is exposed', async () => {
    const endpoint = `${demo.url}/auth-demo/cors-hides/mcp`;
    const preflight = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://client.example', 'access-control-request-method': 'POST' } });
    expect(headerList(preflight.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(REQUESTED_HEADERS));
    expect(preflight.headers.get('access-control-expose-headers')).toBeNull();
    expect((await postInitialize(endpoint)).headers.get('access-control-expose-headers')).toBeNull();
  });

  it('skewed-date: every answer is dated about 10 minutes ago, metadata and preflight included', async () => {
    const base = `${demo.url}/auth-demo/skewed-date`;
    const answers = [
      await postInitialize(`${base}/mcp`),
      await fetch(`${base}/mcp`, { method: 'OPTIONS' }),
      await fetch(`${demo.url}/.well-known/oauth-protected-resource/auth-demo/skewed-date/mcp`),
      await fetch(`${demo.url}/.well-known/oauth-authorization-server/auth-demo/skewed-date`),
    ];
    for (const answer of answers) {
      const skew = Date.now() - Date.parse(answer.headers.get('date') ?? '');
      expect(skew).toBeGreaterThan(9 * 60_000);
      expect(skew).toBeLessThan(11 * 60_000);
    }
  });
});
