import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runAuthChecks } from './runAuthChecks';
import type { AuthCheckId, AuthReport, RunAuthChecksOptions } from './types';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Seen {
  method: string;
  path: string;
  authorization?: string;
}
interface TestServer {
  origin: string;
  seen: Seen[];
}

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function start(handler: (origin: string) => Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => handler(origin)(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { origin, seen };
}

const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

interface SiteOptions {
  /** Replaces the endpoint's POST answer. */
  post?: Handler;
  challenge?: (origin: string) => string;
  prm?: (origin: string, asOrigin: string) => Handler;
  as?: (asOrigin: string) => Record<string, unknown>;
  preflight?: Handler;
}

const corsHeaders = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'WWW-Authenticate, Mcp-Session-Id' };

/** An MCP endpoint at /mcp and its authorization server on another origin; by default they pass every check. */
async function site(options: SiteOptions = {}) {
  const as = await start((asOrigin) => (req, res) => {
    if (req.url === '/.well-known/oauth-authorization-server') {
      return json(
        res,
        options.as?.(asOrigin) ?? {
          issuer: asOrigin,
          authorization_endpoint: `${asOrigin}/authorize`,
          token_endpoint: `${asOrigin}/token`,
          registration_endpoint: `${asOrigin}/register`,
          code_challenge_methods_supported: ['S256'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
        },
      );
    }
    json(res, { error: 'not found' }, 404);
  });
  const mcp = await start((origin) => (req, res) => {
    if (req.url === '/mcp' && req.method === 'OPTIONS') {
      if (options.preflight) return options.preflight(req, res);
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, Mcp-Session-Id, Mcp-Protocol-Version',
      });
      return res.end();
    }
    if (req.url === '/mcp' && req.method === 'POST') {
      if (options.post) return options.post(req, res);
      const challenge = options.challenge?.(origin) ?? `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`;
      res.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json', ...corsHeaders });
      return res.end('{"error":"unauthorized"}');
    }
    if (req.url?.startsWith('/.well-known/oauth-protected-resource')) {
      if (options.prm) return options.prm(origin, as.origin)(req, res);
      if (req.url === '/.well-known/oauth-protected-resource/mcp') return json(res, { resource: `${origin}/mcp`, authorization_servers: [as.origin] });
    }
    json(res, { error: 'not found' }, 404);
  });
  const run = (extra: Partial<RunAuthChecksOptions> = {}) => runAuthChecks({ url: `${mcp.origin}/mcp`, fetch: globalThis.fetch, timeoutMs: 2000, ...extra });
  return { mcp, as, run };
}

const finding = (report: AuthReport, id: AuthCheckId) => report.findings.find((f) => f.check === id)!;

describe('runAuthChecks against real servers', () => {
  it('a well-configured server passes every check and can refresh', async () => {
    const { run } = await site();
    const report = await run();
    const results = Object.fromEntries(report.findings.map((f) => [f.check, f.result]));
    expect(results).toEqual({
      challenge: 'pass',
      'resource-metadata': 'pass',
      'resource-matches': 'pass',
      'as-metadata': 'pass',
      pkce: 'pass',
      registration: 'pass',
      refresh: 'pass',
      cors: 'pass',
      'token-audience': 'skip',
      'clock-skew': 'pass',
    });
    expect(report.verdict).toBe('can-refresh');
    expect(report.verdictSentence).toBe('A spec-following MCP client can sign in here and refresh its token.');
    expect(Math.abs(report.clockSkewSeconds!)).toBeLessThanOrEqual(2);
    for (const f of report.findings) expect(f.spec.url).toMatch(/^https:\/\//);
  });

  it('no request but those to the endpoint origin carries an Authorization header, and no token value is in the report', async () => {
    const token = { value: 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.secret-signature', isJwt: true, aud: 'x' };
    const good = await site();
    // This one's challenge steers metadata discovery to the other site's authorization server: still no header goes there.
    const steered = await site({ challenge: () => `Bearer resource_metadata="${good.as.origin}/.well-known/oauth-authorization-server"` });
    for (const target of [good, steered]) {
      const report = await target.run({ token });
      expect(JSON.stringify(report)).not.toContain(token.value);
      expect(JSON.stringify(report)).not.toContain('invalid.mcp-token-inspector.check');
    }
    expect(good.as.seen.length).toBe(2);
    expect(good.as.seen.filter((s) => s.authorization !== undefined)).toEqual([]);
    for (const target of [good, steered]) {
      expect(target.mcp.seen.filter((s) => s.authorization !== undefined)).toEqual([
        { method: 'POST', path: '/mcp', authorization: 'Bearer invalid.mcp-token-inspector.check' },
      ]);
    }
  });

  it('a server answering 200 without a token is no-auth', async () => {
    const { run } = await site({ post: (_req, res) => json(res, { jsonrpc: '2.0', id: 1, result: {} }) });
    const report = await run();
    expect(report.verdict).toBe('no-auth');
    expect(finding(report, 'resource-metadata').result).toBe('skip');
  });

  it('a redirect to a login page fails the challenge and blocks sign-in', async () => {
    const { run } = await site({
      post: (_req, res) => {
        res.writeHead(302, { location: '/login?next=/mcp' });
        res.end();
      },
    });
    const report = await run();
    expect(finding(report, 'challenge').result).toBe('fail');
    expect(finding(report, 'challenge').sentence).toMatch(/redirect/);
    expect(report.verdict).toBe('cannot-sign-in');
    expect(report.verdictSentence).toMatch(/^A spec-following MCP client cannot sign in: an initialize without a token was redirected/);
    expect(report.exchanges[0].redirectedTo).toBe('/login');
  });

  it('a 5xx on the endpoint fails the challenge', async () => {
    const { run } = await site({ post: (_req, res) => json(res, { error: 'boom' }, 503) });
    const report = await run();
    expect(finding(report, 'challenge').sentence).toMatch(/server error \(HTTP 503\)/);
    expect(report.verdict).toBe('cannot-sign-in');
  });

  it('a server that accepts an invalid token fails the challenge', async () => {
    const { run } = await site({
      post: (req, res) => {
        if (req.headers.authorization) return json(res, { jsonrpc: '2.0', id: 1, result: {} });
        res.writeHead(401, { 'www-authenticate': 'Bearer' });
        res.end();
      },
    });
    const report = await run();
    expect(finding(report, 'challenge').sentence).toMatch(/invalid token was accepted/);
  });

  it('a challenge without resource_metadata is a resource-metadata warning (once), even though the well-known URL works', async () => {
    const { run } = await site({ challenge: () => 'Bearer realm="mcp"' });
    const report = await run();
    expect(finding(report, 'challenge').result).toBe('pass');
    expect(finding(report, 'resource-metadata').result).toBe('warn');
    expect(finding(report, 'resource-metadata').sentence).toMatch(/resource_metadata/);
    expect(report.verdict).toBe('can-refresh');
  });

  it('falls back to the root well-known document', async () => {
    const { run } = await site({
      challenge: () => 'Bearer',
      prm: (origin, asOrigin) => (req, res) =>
        req.url === '/.well-known/oauth-protected-resource' ? json(res, { resource: origin, authorization_servers: [asOrigin] }) : json(res, {}, 404),
    });
    const report = await run();
    const prm = finding(report, 'resource-metadata');
    expect(prm.evidence.filter((e) => e.label === 'Tried').map((e) => e.value.replace(/^http:\/\/[^/]+/, ''))).toEqual([
      '/.well-known/oauth-protected-resource/mcp → HTTP 404',
      '/.well-known/oauth-protected-resource → HTTP 200',
    ]);
    expect(finding(report, 'resource-matches').sentence).toMatch(/origin/);
    expect(finding(report, 'resource-matches').result).toBe('pass');
  });

  describe('hostile protected resource metadata', () => {
    const cases: [string, (origin: string, asOrigin: string) => Handler, RegExp][] = [
      [
        'HTML',
        () => (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body>Sign in</body></html>');
        },
        /not JSON \(text\/html\)/,
      ],
      [
        '5 MB of JSON',
        () => (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"resource":"${'a'.repeat(5 * 1024 * 1024)}"}`);
        },
        /larger than 256 KB/,
      ],
      [
        'a redirect loop',
        () => (req, res) => {
          res.writeHead(302, { location: req.url });
          res.end();
        },
        /HTTP 302 redirect to \/\.well-known\/oauth-protected-resource\/mcp/,
      ],
      ['JSON with the wrong types', (_o, asOrigin) => (_req, res) => json(res, { resource: 42, authorization_servers: asOrigin }), /no resource string/],
      [
        'authorization_servers as a string',
        (o, asOrigin) => (_req, res) => json(res, { resource: `${o}/mcp`, authorization_servers: asOrigin }),
        /no authorization_servers/,
      ],
      ['a JSON array', () => (_req, res) => json(res, [1, 2]), /not an object/],
    ];
    it.each(cases)('%s fails resource-metadata and blocks sign-in', async (_name, prm, sentence) => {
      const { run } = await site({ prm });
      const report = await run();
      expect(finding(report, 'resource-metadata').result).toBe('fail');
      expect(finding(report, 'resource-metadata').sentence).toMatch(sentence);
      expect(finding(report, 'as-metadata').result).toBe('skip');
      expect(report.verdict).toBe('cannot-sign-in');
    });
  });

  it('metadata naming another host fails resource-matches', async () => {
    const { run } = await site({
      prm: (_o, asOrigin) => (_req, res) => json(res, { resource: 'https://other.example/mcp', authorization_servers: [asOrigin] }),
    });
    const report = await run();
    expect(finding(report, 'resource-matches').result).toBe('fail');
    expect(report.verdictSentence).toMatch(/cannot sign in: the metadata's resource does not identify this endpoint/);
  });

  it('an authorization server without S256 cannot be used', async () => {
    const { run } = await site({
      as: (o) => ({ issuer: o, authorization_endpoint: `${o}/a`, token_endpoint: `${o}/t`, code_challenge_methods_supported: ['plain'] }),
    });
    const report = await run();
    expect(finding(report, 'pkce').result).toBe('fail');
    expect(finding(report, 'registration').result).toBe('warn');
    expect(finding(report, 'refresh').result).toBe('warn');
    expect(report.verdict).toBe('cannot-sign-in');
  });

  it('an issuer that is not the authorization server fails as-metadata', async () => {
    const { run } = await site({
      as: () => ({ issuer: 'https://evil.example', authorization_endpoint: 'https://evil.example/a', token_endpoint: 'https://evil.example/t' }),
    });
    const report = await run();
    expect(finding(report, 'as-metadata').result).toBe('fail');
    expect(finding(report, 'as-metadata').sentence).toMatch(/issuer "https:\/\/evil.example" is not the authorization server/);
    expect(finding(report, 'pkce').result).toBe('skip');
  });

  it('a server without the refresh_token grant is sign-in-only, with the captured lifetime', async () => {
    const { run } = await site({
      as: (o) => ({
        issuer: o,
        authorization_endpoint: `${o}/a`,
        token_endpoint: `${o}/t`,
        code_challenge_methods_supported: ['S256'],
        client_id_metadata_document_supported: true,
        grant_types_supported: ['authorization_code'],
      }),
    });
    const report = await run({ capturedTokenResponse: { hadRefreshToken: false, lifetimeSeconds: 3600 } });
    expect(finding(report, 'registration').result).toBe('pass');
    expect(report.verdict).toBe('sign-in-only');
    expect(report.verdictSentence).toBe(
      'A spec-following MCP client can sign in here but must sign in again every 1 hour: the server issues no refresh token.',
    );
  });

  it('a preflight the server does not answer is a CORS warn, not a failure to sign in', async () => {
    const { run } = await site({ preflight: (_req, res) => json(res, {}, 405) });
    const report = await run();
    expect(finding(report, 'cors').result).toBe('warn');
    expect(finding(report, 'cors').sentence).toMatch(/preflight got HTTP 405/);
    expect(report.verdict).toBe('can-refresh');
  });

  it('a JWT whose aud names the resource passes token-audience; another audience fails', async () => {
    const { mcp, run } = await site();
    expect(finding(await run({ token: { value: 'a.b.c', isJwt: true, aud: [`${mcp.origin}/mcp`] } }), 'token-audience').result).toBe('pass');
    expect(finding(await run({ token: { value: 'a.b.c', isJwt: true, aud: 'https://api.other.example' } }), 'token-audience').result).toBe('fail');
    expect(finding(await run({ token: { value: 'opaque', isJwt: false } }), 'token-audience').result).toBe('skip');
  });

  it('reports a clock more than 60 s off, signed', async () => {
    const { run } = await site();
    const report = await run({ now: () => Date.now() + 120_000 });
    expect(finding(report, 'clock-skew').result).toBe('fail');
    expect(report.clockSkewSeconds).toBeGreaterThanOrEqual(-122);
    expect(report.clockSkewSeconds).toBeLessThanOrEqual(-118);
  });

  it('a metadata URL that never answers times out and the run still finishes', async () => {
    const { run } = await site({ prm: () => () => {} });
    const started = Date.now();
    const report = await run({ timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(finding(report, 'resource-metadata').sentence).toMatch(/timed out after 300 ms/);
  });

  it('cancelling the run resolves at once as incomplete', async () => {
    const controller = new AbortController();
    const { run } = await site({ prm: () => () => controller.abort() });
    const report = await run({ signal: controller.signal, timeoutMs: 10_000 });
    expect(report.verdict).toBe('incomplete');
    expect(finding(report, 'as-metadata').result).toBe('skip');
  });

  it('an unreachable endpoint and a non-http URL never throw', async () => {
    const { mcp } = await site();
    servers.splice(0).forEach((s) => (s.closeAllConnections(), s.close()));
    const unreachable = await runAuthChecks({ url: `${mcp.origin}/mcp`, fetch: globalThis.fetch, timeoutMs: 1000 });
    expect(finding(unreachable, 'challenge').sentence).toMatch(/could not be reached/);
    expect(unreachable.verdict).toBe('cannot-sign-in');
    const notHttp = await runAuthChecks({ url: 'javascript:alert(1)', fetch: globalThis.fetch, timeoutMs: 1000 });
    expect(notHttp.verdict).toBe('cannot-sign-in');
    expect(notHttp.exchanges).toEqual([]);
  });
});
