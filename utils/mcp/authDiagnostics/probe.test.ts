import { describe, expect, it } from 'vitest';
import { createProber, readJsonObject } from './probe';

const endpoint = 'https://mcp.example/mcp';

function capturingFetch() {
  const sent: { url: string; headers: Headers; redirect?: RequestRedirect }[] = [];
  const fetchFn = async (url: string | URL, init?: RequestInit) => {
    sent.push({ url: String(url), headers: new Headers(init?.headers), redirect: init?.redirect });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetchFn };
}

describe('createProber', () => {
  it('sends an Authorization header to the endpoint only, never to its metadata or another origin', async () => {
    const { sent, fetchFn } = capturingFetch();
    const prober = createProber(fetchFn, endpoint, 1000);
    for (const url of [endpoint, 'https://mcp.example/.well-known/oauth-protected-resource/mcp', 'https://as.example/token', 'https://MCP.example:443/mcp#x']) {
      await prober.probe({ method: 'GET', url, headers: { Authorization: 'Bearer secret-value' } });
    }
    expect(sent.map((s) => [s.url, s.headers.get('authorization')])).toEqual([
      [endpoint, 'Bearer secret-value'],
      ['https://mcp.example/.well-known/oauth-protected-resource/mcp', null],
      ['https://as.example/token', null],
      ['https://MCP.example:443/mcp#x', null],
    ]);
    expect(sent.every((s) => s.redirect === 'manual')).toBe(true);
    expect(JSON.stringify(prober.exchanges)).not.toContain('secret-value');
    expect(prober.exchanges[0].requestHeaders.Authorization).toBe('Bearer [redacted]');
  });

  it('a fetch that throws becomes an error in the result, and an aborted run sends nothing', async () => {
    const failing = createProber(async () => Promise.reject(new TypeError('Failed to fetch')), endpoint, 1000);
    expect((await failing.probe({ method: 'GET', url: endpoint })).error).toBe('TypeError: Failed to fetch');
    const { sent, fetchFn } = capturingFetch();
    const controller = new AbortController();
    controller.abort();
    const cancelled = createProber(fetchFn, endpoint, 1000, controller.signal);
    expect((await cancelled.probe({ method: 'GET', url: endpoint })).error).toBe('cancelled');
    expect(sent).toEqual([]);
  });
});

describe('readJsonObject', () => {
  const result = (body: string, status = 200) => ({ url: 'u', status, headers: new Headers({ 'content-type': 'text/html' }), body });
  it('names what is wrong with a body that is not a JSON object', () => {
    expect(readJsonObject(result('<html>'))).toEqual({ ok: false, problem: 'the body is not JSON (text/html)' });
    expect(readJsonObject(result('null'))).toEqual({ ok: false, problem: 'the body is JSON but not an object' });
    expect(readJsonObject(result('{}', 404))).toEqual({ ok: false, problem: 'HTTP 404' });
    expect(readJsonObject({ ...result(''), tooLarge: true, body: undefined })).toEqual({ ok: false, problem: 'the body is larger than 256 KB' });
    expect(readJsonObject(result('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });
});
