import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/portal';
import { startFullDemo } from '../../test-support/demoServer';
import { tokenFingerprint } from '../tokens/fingerprint';
import { runToolsTest, type McpTestOptions } from './runToolsTest';

// Runs the real SDK client against the real SDK servers of the demo, over real HTTP on 127.0.0.1.
describe('runToolsTest against the demo servers', () => {
  let demo: DemoServer;
  let clock = Math.floor(Date.now() / 1000);
  const token = async (ttl = 600, kind: 'jwt' | 'opaque' = 'jwt') => {
    const issued = await demo.issuer.issue(kind, 'demo', ttl);
    return { value: issued.access_token, fingerprint: tokenFingerprint(issued.access_token), expiresAt: clock + ttl };
  };
  const run = (o: Partial<McpTestOptions>) =>
    runToolsTest({ url: `${demo.url}/mcp`, auth: {}, transport: 'auto', timeoutMs: 5000, now: () => clock * 1000, ...o });

  beforeAll(async () => {
    demo = await startFullDemo({ now: () => clock });
  });
  afterAll(() => demo.close());

  it('passes over Streamable HTTP with a portal token and lists every tool', async () => {
    const t = await token();
    // The portal's tools alone: a tools-only server, where a test takes exactly four requests.
    const report = await run({ url: `${demo.url}/tools-only/mcp`, auth: { token: t } });
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({
      outcome: 'pass',
      transport: 'streamable-http',
      server: { name: 'demo-portal-mcp', version: '1.2.0' },
      token: { fingerprint: t.fingerprint, remainingSeconds: 600 },
    });
    expect(report.tools.map((tool) => tool.name)).toEqual(['get_sections', 'add', 'get_weather', 'always_fails', 'get_logo', 'get_docs', 'delete_section']);
    expect(report.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.steps.map((s) => s.name)).toEqual(['connect', 'initialize', 'tools/list']);
    expect(JSON.stringify(report)).not.toContain(t.value);
    // initialize, notifications/initialized, tools/list, DELETE: no optional GET stream for a one-shot test.
    expect(report.exchanges.map((e) => e.method).sort()).toEqual(['DELETE', 'POST', 'POST', 'POST']);
  });

  it('passes with the Cloudflare Access session JWT sent as cf-access-token, as a portal behind Access accepts', async () => {
    const cookie = await demo.issuer.accessCookie('demo', 3600);
    const report = await run({ auth: { token: { value: cookie, fingerprint: 'c', sendAs: 'cf-access-token' } } });
    expect(report).toMatchObject({ outcome: 'pass', token: { sendAs: 'cf-access-token' } });
    expect(report.exchanges[0].requestHeaders).toMatchObject({ 'cf-access-token': '[redacted]' });
    expect(report.exchanges[0].requestHeaders.authorization).toBeUndefined();
  });

  it('works with an opaque token checked against the portal store', async () => {
    expect((await run({ auth: { token: await token(600, 'opaque') } })).outcome).toBe('pass');
  });

  it('falls back to legacy SSE when the first POST is refused (405)', async () => {
    const report = await run({ url: `${demo.url}/sse`, auth: { token: await token() } });
    expect(report).toMatchObject({ outcome: 'pass', transport: 'sse', fellBackToSse: true });
    expect(report.exchanges[0]).toMatchObject({ method: 'POST', status: 405 });
    expect(report.tools.map((tool) => tool.name)).toContain('prepare_report');
  });

  it('uses SSE straight away when forced', async () => {
    const report = await run({ url: `${demo.url}/sse`, transport: 'sse', auth: { token: await token() } });
    expect(report).toMatchObject({ outcome: 'pass', transport: 'sse', fellBackToSse: false });
    expect(report.exchanges[0].method).toBe('GET');
  });

  it('passes against the worker endpoint with no token', async () => {
    const report = await run({ url: `${demo.url}/worker/mcp` });
    expect(report).toMatchObject({ outcome: 'pass', server: { name: 'demo-worker' } });
  });

  it('says token-expired, and when, once the token is past its expiry', async () => {
    const t = await token(60);
    clock += 180;
    try {
      const report = await run({ auth: { token: t } });
      expect(report.failure).toMatchObject({ kind: 'token-expired', status: 401 });
      expect(report.failure!.message).toMatch(/expired 2 m 0 s ago/);
      expect(report.failure!.wwwAuthenticate).toMatch(/invalid_token/);
    } finally {
      clock -= 180;
    }
  });

  it('says unauthorized when no token was sent to a server that wants one', async () => {
    expect((await run({})).failure).toMatchObject({ kind: 'unauthorized', wwwAuthenticate: expect.stringContaining('resource_metadata') });
  });

  it('says unauthorized when the server rejects a token it did not issue', async () => {
    const failure = (await run({ auth: { token: { value: 'oauth:not-from-here', fingerprint: 'x' } } })).failure;
    expect(failure?.kind).toBe('unauthorized');
    expect(failure?.message).toMatch(/rejected the token \(invalid_token/);
  });

  it('says not-mcp for an HTML login page', async () => {
    const failure = (await run({ url: `${demo.url}/login-wall/mcp` })).failure;
    expect(failure?.kind).toBe('not-mcp');
    expect(failure?.message).toMatch(/login page/);
  });

  it('says not-mcp for a redirect to a login page on another origin', async () => {
    const failure = (await run({ url: `${demo.url}/access-redirect/mcp` })).failure;
    expect(failure?.kind).toBe('not-mcp');
    expect(failure?.message).toMatch(/redirect to http:\/\/localhost:\d+\/cdn-cgi\/access\/login instead of MCP/);
  });

  it('says server-error for a 500 and forbidden (insufficient_scope) for a 403', async () => {
    expect((await run({ url: `${demo.url}/broken/mcp` })).failure?.kind).toBe('server-error');
    const forbidden = (await run({ url: `${demo.url}/forbidden/mcp` })).failure;
    expect(forbidden?.kind).toBe('forbidden');
    expect(forbidden?.message).toMatch(/insufficient_scope; needs "mcp:admin"/);
  });

  it('says timeout for a server that never answers, within the configured time', async () => {
    const started = Date.now();
    const report = await run({ url: `${demo.url}/hang/mcp`, timeoutMs: 400 });
    expect(report.failure?.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says network when nothing listens, and reports a cancel as cancelled', async () => {
    const port = await freePort();
    const failure = (await run({ url: `http://127.0.0.1:${port}/mcp`, hasHostAccess: true })).failure;
    expect(failure?.kind).toBe('network');
    const cancel = new AbortController();
    const pending = run({ url: `${demo.url}/hang/mcp`, signal: cancel.signal });
    cancel.abort();
    expect((await pending).outcome).toBe('cancelled');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
