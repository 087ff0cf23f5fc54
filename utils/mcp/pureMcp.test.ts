import { describe, expect, it } from 'vitest';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';
import { CaptureSession } from '../capture/captureSession';
import { chooseToken } from './chooseToken';
import { classifyMcpFailure, type FailureContext } from './classifyMcpFailure';
import { detectMcpTarget, recordMcpTarget } from './detectMcpTarget';
import type { HttpExchange } from './recordingFetch';
import { redactHeaders } from './recordingFetch';
import { formFieldsFromSchema, initialArguments, parseArgumentsText, parseFieldInput } from './schemaForm';
import { parseBearerChallenge } from './wwwAuthenticate';
import { validateJsonSchema } from './validateJsonSchema';

describe('detectMcpTarget', () => {
  it('finds /mcp and /sse endpoints, legacy message posts and JSON-RPC bodies, without queries', () => {
    expect(detectMcpTarget(harEntry({ method: 'POST', url: 'https://portal.example.com/mcp?token=secret' }))).toEqual({
      url: 'https://portal.example.com/mcp',
      origin: 'https://portal.example.com',
      transportHint: 'streamable-http',
    });
    expect(detectMcpTarget(harEntry({ url: 'https://w.example.dev/sse' }))?.transportHint).toBe('sse');
    expect(detectMcpTarget(harEntry({ method: 'POST', url: 'https://w.example.dev/mcp/' }))?.url).toBe('https://w.example.dev/mcp/');
    expect(detectMcpTarget(harEntry({ method: 'POST', url: 'https://w.example.dev/sse/message?sessionId=abc' }))?.url).toBe('https://w.example.dev/sse');
    const rpc = harEntry({
      method: 'POST',
      url: 'https://api.example.com/v1/agent',
      postData: { mimeType: 'application/json', text: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' },
    });
    expect(detectMcpTarget(rpc)).toMatchObject({ url: 'https://api.example.com/v1/agent', transportHint: 'unknown' });
  });
  it('ignores ordinary traffic', () => {
    for (const url of ['https://x.example/api/mcp-settings', 'https://x.example/app.js', 'chrome-extension://abc/mcp', 'https://x.example/ssettings'])
      expect(detectMcpTarget(harEntry({ url }))).toBeUndefined();
    expect(
      detectMcpTarget(
        harEntry({ method: 'POST', url: 'https://x.example/graphql', postData: { mimeType: 'application/json', text: '{"query":"{ tools }"}' } }),
      ),
    ).toBeUndefined();
  });
  it('keeps the most recent endpoints first, counted and bounded', () => {
    let targets = recordMcpTarget([], { url: 'https://a/mcp', origin: 'https://a', transportHint: 'streamable-http' }, 1);
    targets = recordMcpTarget(targets, { url: 'https://b/sse', origin: 'https://b', transportHint: 'sse' }, 2);
    targets = recordMcpTarget(targets, { url: 'https://a/mcp', origin: 'https://a', transportHint: 'streamable-http' }, 3);
    expect(targets.map((t) => [t.url, t.hits])).toEqual([
      ['https://a/mcp', 2],
      ['https://b/sse', 1],
    ]);
    for (let i = 0; i < 20; i++) targets = recordMcpTarget(targets, { url: `https://c${i}/mcp`, origin: 'x', transportHint: 'unknown' }, 10 + i);
    expect(targets).toHaveLength(10);
  });
});

describe('chooseToken', () => {
  const NOW = Date.parse('2026-11-26T12:10:00Z');
  const session = new CaptureSession();
  const bearer = (url: string, token: string, at: string) =>
    session.ingest(harEntry({ url, requestHeaders: { Authorization: `Bearer ${token}` }, startedDateTime: at }));
  session.ingest(
    harEntry({ method: 'POST', url: 'https://portal.example.com/oauth/token', startedDateTime: '2026-11-26T12:00:00Z' }),
    JSON.stringify({ access_token: 'oauth:expired-one', expires_in: 60, refresh_token: 'oauth:refresh-x' }),
  );
  bearer('https://portal.example.com/mcp', 'oauth:expired-one', '2026-11-26T12:00:05Z');
  bearer('https://portal.example.com/mcp', 'older-live-token', '2026-11-26T12:01:00Z');
  bearer('https://portal.example.com/api', 'fresh-live-token', '2026-11-26T12:05:00Z');
  bearer('https://other.example.com/mcp', 'other-site-token', '2026-11-26T12:09:00Z');
  const rows = session.ledger.all();

  it('picks the freshest unexpired token the page sent to the target origin', () => {
    expect(chooseToken(rows, 'https://portal.example.com/mcp', { mode: 'auto' }, NOW).row?.value).toBe('fresh-live-token');
  });
  it('never picks a token from another origin or a refresh token; an expired one only when nothing else is left', () => {
    expect(chooseToken(rows, 'https://third.example.com/mcp', { mode: 'auto' }, NOW)).toEqual({
      sendAs: 'bearer',
      reason: expect.stringMatching(/has not sent a token to https:\/\/third/),
    });
    const onlyExpired = rows.filter((r) => r.value === 'oauth:expired-one' || r.value === 'oauth:refresh-x');
    const chosen = chooseToken(onlyExpired, 'https://portal.example.com/mcp', { mode: 'auto' }, NOW);
    expect(chosen.row?.value).toBe('oauth:expired-one');
    expect(chosen.reason).toMatch(/has expired/);
  });
  it('falls back to a live pasted token when the page sent none to the target the user typed', () => {
    const withPaste = new CaptureSession();
    withPaste.paste('pasted-live-token', NOW);
    expect(chooseToken(withPaste.ledger.all(), 'https://third.example.com/mcp', { mode: 'auto' }, NOW, true)).toMatchObject({
      row: { value: 'pasted-live-token' },
      reason: expect.stringMatching(/you pasted/),
    });
  });
  it("sends the page's Cloudflare Access session as cf-access-token when the page used no bearer with the origin", async () => {
    const access = new CaptureSession();
    const cookieJwt = await signedJwt({ iss: 'https://team.cloudflareaccess.com', sub: 'u', exp: NOW / 1000 + 3600 });
    access.ingest(
      harEntry({
        url: 'https://portal.example.com/',
        requestCookies: [{ name: 'CF_Authorization', value: cookieJwt }],
        startedDateTime: '2026-11-26T12:05:00Z',
      }),
    );
    const chosen = chooseToken(access.ledger.all(), 'https://portal.example.com/mcp', { mode: 'auto' }, NOW);
    expect(chosen).toMatchObject({ row: { value: cookieJwt }, sendAs: 'cf-access-token' });
    // A bearer the page sent to the origin still wins.
    access.ingest(
      harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: 'Bearer bearer-token-1' }, startedDateTime: '2026-11-26T12:06:00Z' }),
    );
    expect(chooseToken(access.ledger.all(), 'https://portal.example.com/mcp', { mode: 'auto' }, NOW)).toMatchObject({
      row: { value: 'bearer-token-1' },
      sendAs: 'bearer',
    });
  });
  it('honours an explicit choice and "no token"', () => {
    const other = rows.find((r) => r.value === 'other-site-token')!;
    // Another site's token goes where the user typed or picked (a target only filled in from traffic waits: containment.test.ts).
    expect(chooseToken(rows, 'https://portal.example.com/mcp', { mode: 'token', fingerprint: other.fingerprint }, NOW, true).row).toBe(other);
    expect(chooseToken(rows, 'https://portal.example.com/mcp', { mode: 'none' }, NOW).row).toBeUndefined();
  });
});

describe('classifyMcpFailure from real-shaped responses', () => {
  const exchange = (status: number, headers: Record<string, string> = {}, body = '', contentType = 'application/json'): HttpExchange => ({
    method: 'POST',
    url: 'https://portal.example.com/mcp',
    requestHeaders: {},
    status,
    contentType,
    responseHeaders: { 'content-type': contentType, ...headers },
    bodySnippet: body,
  });
  const ctx = (e: HttpExchange[], extra: Partial<FailureContext> = {}): FailureContext => ({
    error: new Error('x'),
    exchanges: e,
    nowMs: 1_800_000_000_000,
    timedOut: false,
    timeoutMs: 10_000,
    targetOrigin: 'https://portal.example.com',
    ...extra,
  });
  const wa =
    'Bearer realm="OAuth", error="invalid_token", error_description="Token expired", resource_metadata="https://portal.example.com/.well-known/oauth-protected-resource"';

  it('token-expired when our clock says so, naming when; also when the server says "expired"', () => {
    const f = classifyMcpFailure(ctx([exchange(401, { 'www-authenticate': wa })], { token: { expiresAt: 1_800_000_000 - 180 } }));
    expect(f).toMatchObject({ kind: 'token-expired', wwwAuthenticate: wa });
    expect(f.message).toMatch(/expired 3 m 0 s ago \(at 2027-01-15T07:57:00Z\)/);
    expect(classifyMcpFailure(ctx([exchange(401, { 'www-authenticate': wa })], { token: {} })).kind).toBe('token-expired');
  });
  it('believes a 401 body that says "expired" only when the token\'s own expiry is unknown', () => {
    const body = '{"error":"unauthorized","message":"Token expired or invalid"}';
    expect(classifyMcpFailure(ctx([exchange(401, {}, body)], { token: {} })).kind).toBe('token-expired');
    expect(classifyMcpFailure(ctx([exchange(401, {}, body)], { token: { expiresAt: 1_900_000_000 } })).kind).toBe('unauthorized');
  });
  it('unauthorized for a 401 with a live or missing token', () => {
    const plain = 'Bearer resource_metadata="https://x/.well-known/oauth-protected-resource"';
    expect(classifyMcpFailure(ctx([exchange(401, { 'www-authenticate': plain })], { token: { expiresAt: 1_900_000_000 } })).kind).toBe('unauthorized');
    expect(classifyMcpFailure(ctx([exchange(401)])).message).toMatch(/none was sent/);
  });
  it('forbidden, server-error, not-mcp and protocol', () => {
    expect(classifyMcpFailure(ctx([exchange(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="tools:write"' })])).message).toMatch(
      /insufficient_scope; needs "tools:write"/,
    );
    expect(classifyMcpFailure(ctx([exchange(502, {}, '<html>Bad gateway</html>', 'text/html')])).kind).toBe('server-error');
    expect(
      classifyMcpFailure(ctx([exchange(200, {}, '<html><form action="https://t.cloudflareaccess.com/cdn-cgi/access/login">', 'text/html')])).message,
    ).toMatch(/login page/);
    expect(classifyMcpFailure(ctx([exchange(404, {}, 'Not found', 'text/plain')])).kind).toBe('not-mcp');
    expect(classifyMcpFailure(ctx([exchange(200, {}, '{"hello":1}')], { error: new Error('Invalid JSON-RPC message') })).kind).toBe('protocol');
  });
  it('network, pointing at CORS and host access when the extension has none', () => {
    const failed: HttpExchange = {
      method: 'POST',
      url: 'https://portal.example.com/mcp',
      requestHeaders: {},
      responseHeaders: {},
      networkError: 'TypeError: Failed to fetch',
    };
    const f = classifyMcpFailure(ctx([failed], { hasHostAccess: false }));
    expect(f).toMatchObject({ kind: 'network', needsHostAccess: 'https://portal.example.com' });
    expect(classifyMcpFailure(ctx([failed], { hasHostAccess: true })).message).toMatch(/refused/);
  });
  it('ignores the spec-allowed 405 on the optional GET stream', () => {
    const get405: HttpExchange = { ...exchange(405), method: 'GET' };
    expect(classifyMcpFailure(ctx([exchange(200), get405], { error: new Error('bad result') })).kind).toBe('protocol');
  });
});

describe('helpers', () => {
  it('parses WWW-Authenticate Bearer challenges', () => {
    expect(parseBearerChallenge('Bearer realm="x", error="invalid_token", error_description="a \\"quoted\\" word", scope=read')).toEqual({
      realm: 'x',
      error: 'invalid_token',
      error_description: 'a "quoted" word',
      scope: 'read',
    });
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
  });
  it('redacts secrets in recorded headers', () => {
    expect(redactHeaders({ Authorization: 'Bearer abc', 'CF-Access-Client-Secret': 's', accept: 'x' })).toEqual({
      Authorization: 'Bearer [redacted]',
      'CF-Access-Client-Secret': '[redacted]',
      accept: 'x',
    });
  });
  it('maps a JSON Schema to form fields and parses their input', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'c' },
        n: { type: 'integer' },
        on: { type: 'boolean' },
        units: { enum: ['metric', 'imperial'], default: 'metric' },
        tags: { type: 'array' },
      },
      required: ['city'],
    };
    expect(formFieldsFromSchema(schema).map((f) => [f.name, f.kind, f.required])).toEqual([
      ['city', 'string', true],
      ['n', 'integer', false],
      ['on', 'boolean', false],
      ['units', 'enum', false],
      ['tags', 'json', false],
    ]);
    expect(initialArguments(schema)).toEqual({ units: 'metric' });
    const [, n] = formFieldsFromSchema(schema);
    expect(parseFieldInput(n, '2.5')).toEqual({ ok: false, error: 'n must be a whole number' });
    expect(parseFieldInput(n, '')).toEqual({ ok: true, value: undefined });
    expect(parseArgumentsText('[1]')).toMatchObject({ ok: false });
    expect(parseArgumentsText('{"a":2,"b":3}')).toEqual({ ok: true, value: { a: 2, b: 3 } });
  });
  it('validates values against schemas without eval', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'number', minimum: 0 }, list: { type: 'array', items: { type: 'string' } } },
      required: ['a'],
      additionalProperties: false,
    };
    expect(validateJsonSchema({ a: 1, list: ['x'] }, schema)).toEqual([]);
    expect(validateJsonSchema({ a: -1, list: [2], extra: 1 }, schema)).toEqual([
      '$.a should be ≥ 0',
      '$.list[0] should be string, not a number',
      '$.extra is not an allowed property',
    ]);
  });
});

describe('reportMarkdown', () => {
  it('summarises a failed test without any token value', async () => {
    const { reportMarkdown } = await import('./reportMarkdown');
    const text = reportMarkdown(
      {
        outcome: 'fail',
        url: 'https://portal.example.com/mcp?access_token=secret-in-query',
        transport: 'streamable-http',
        fellBackToSse: false,
        steps: [],
        tools: [],
        exchanges: [],
        messages: [],
        token: { fingerprint: 'abcdef123456', expiresAt: 1_800_000_000 },
        failure: { kind: 'token-expired', message: 'The token expired 3 m 0 s ago.', wwwAuthenticate: 'Bearer error="invalid_token"' },
        totalMs: 12,
        finishedAt: 0,
      },
      1_800_000_180_000,
    );
    expect(text).toContain('fail (token-expired)');
    expect(text).toContain('fingerprint abcdef123456 (3 m 0 s since expiry)');
    expect(text).not.toContain('secret-in-query');
  });

  it('counts resources and prompts only when the server advertises them, and names what the server asked for', async () => {
    const { reportMarkdown } = await import('./reportMarkdown');
    const base = {
      outcome: 'pass' as const,
      url: 'https://w.example/mcp',
      transport: 'streamable-http' as const,
      fellBackToSse: false,
      steps: [],
      tools: [{ name: 'a', inputSchema: { type: 'object' as const } }],
      exchanges: [],
      messages: [],
      totalMs: 1,
      finishedAt: 0,
    };
    const toolsOnly = reportMarkdown(base, 0);
    expect(toolsOnly).toContain('- Tools (1): a');
    expect(toolsOnly).not.toMatch(/Resources|Prompts/);
    const all = reportMarkdown(
      {
        ...base,
        resources: [{ uri: 'x://r', name: 'r' }],
        resourceTemplates: [],
        prompts: [{ name: 'p' }],
        listNotes: ['Only the first 50 pages of resources were listed (50); the server had more.'],
        activity: {
          serverLog: [],
          droppedLog: 0,
          listChanged: [],
          serverRequests: [{ method: 'roots/list', text: 'The server asked for roots (roots/list), …' }],
        },
      },
      0,
    );
    expect(all).toContain('- Resources: 1, resource templates: 0');
    expect(all).toContain('- Prompts (1): p');
    expect(all).toContain('- Only the first 50 pages of resources were listed');
    expect(all).toContain('- The server asked for roots (roots/list), …');
  });
});
