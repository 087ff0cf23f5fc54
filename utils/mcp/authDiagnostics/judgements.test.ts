import { describe, expect, it } from 'vitest';
import { judgeChallenge } from './challenge';
import { judgeClockSkew } from './clockSkew';
import { judgeAsMetadata, judgeRefresh, judgeResourceMatches } from './metadata';
import type { ProbeResult } from './probe';
import { judgeTokenAudience } from './tokenAudience';

const res = (status: number, headers: Record<string, string> = {}, body?: string, extra: Partial<ProbeResult> = {}): ProbeResult => ({
  url: 'https://as.example/.well-known/oauth-authorization-server',
  status,
  headers: new Headers(headers),
  body,
  ...extra,
});
const bearer = res(401, { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"' });

describe('judgeChallenge', () => {
  it('a browser opaque redirect to a login page fails', () => {
    const opaque = res(0, {}, undefined, { redirectedTo: 'another page (the browser hides where)' });
    expect(judgeChallenge(opaque, bearer).finding.result).toBe('fail');
  });
  it('a resource_metadata that is not http(s) fails and is not followed', () => {
    const judged = judgeChallenge(res(401, { 'www-authenticate': 'Bearer resource_metadata="javascript:alert(1)"' }), bearer);
    expect(judged.finding.result).toBe('fail');
    expect(judged.resourceMetadataUrl).toBeUndefined();
  });
  it('a 401 with only a Basic challenge fails', () => {
    expect(judgeChallenge(res(401, { 'www-authenticate': 'Basic realm="x"' }), bearer).finding.sentence).toMatch(/no Bearer challenge/);
  });
});

describe('judgeResourceMatches', () => {
  it('names a trailing-slash-only difference', () => {
    const finding = judgeResourceMatches('https://mcp.example/mcp/', new URL('https://mcp.example/mcp'));
    expect(finding.result).toBe('warn');
    expect(finding.sentence).toMatch(/only by a trailing slash/);
  });
});

describe('judgeAsMetadata', () => {
  const doc = (issuer: unknown) => JSON.stringify({ issuer, authorization_endpoint: 'https://as.example/a', token_endpoint: 'https://as.example/t' });
  it('warns on a trailing-slash-only issuer difference, fails on wrong types', () => {
    expect(judgeAsMetadata('https://as.example', [res(200, {}, doc('https://as.example/'))]).finding.result).toBe('warn');
    expect(judgeAsMetadata('https://as.example', [res(200, {}, doc(['https://as.example']))]).finding.sentence).toMatch(/no issuer string/);
    const noToken = JSON.stringify({ issuer: 'https://as.example', authorization_endpoint: 'https://as.example/a', token_endpoint: 7 });
    expect(judgeAsMetadata('https://as.example', [res(200, {}, noToken)]).finding.sentence).toMatch(/lacks a usable token_endpoint/);
  });
});

describe('judgeRefresh', () => {
  const metadata = (grants: unknown) => ({ url: 'u', document: { grant_types_supported: grants } });
  it('what the captured token response held outweighs the metadata, but a page grant without refresh only warns when the server lists refresh', () => {
    expect(judgeRefresh(metadata(['refresh_token']), { hadRefreshToken: false }).result).toBe('warn');
    expect(judgeRefresh(metadata(['authorization_code']), { hadRefreshToken: false }).result).toBe('fail');
    expect(judgeRefresh(metadata(undefined), { hadRefreshToken: false }).result).toBe('fail');
    expect(judgeRefresh(metadata(undefined), { hadRefreshToken: true }).result).toBe('pass');
    expect(judgeRefresh(metadata('refresh_token'), undefined).result).toBe('warn');
    expect(judgeRefresh(metadata(['authorization_code']), undefined).result).toBe('fail');
  });
});

describe('judgeClockSkew', () => {
  it('reports signed seconds, and skips an unreadable Date', () => {
    const local = Date.parse('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(judgeClockSkew('Tue, 01 Dec 2026 10:01:30 GMT', local)).toMatchObject({ skewSeconds: 90, finding: { result: 'fail' } });
    expect(judgeClockSkew('Tue, 01 Dec 2026 09:59:30 GMT', local)).toMatchObject({ skewSeconds: -30, finding: { result: 'pass' } });
    expect(judgeClockSkew('yesterday-ish', local).finding.result).toBe('skip');
    expect(judgeClockSkew('yesterday-ish', local).skewSeconds).toBeUndefined();
  });
});

describe('judgeTokenAudience', () => {
  it('warns on a JWT without aud, fails on a wrong-typed one', () => {
    expect(judgeTokenAudience({ value: 'x', isJwt: true }, ['https://mcp.example/mcp']).result).toBe('warn');
    expect(judgeTokenAudience({ value: 'x', isJwt: true, aud: { a: 1 } }, ['https://mcp.example/mcp']).result).toBe('fail');
  });
});

describe('evidence from hostile metadata', () => {
  it('a deeply nested authorization_servers is judged, not a crash of the run', async () => {
    const { judgeResourceMetadata } = await import('./metadata');
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const attempt = {
      url: 'https://mcp.example/.well-known/oauth-protected-resource',
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: `{"resource":"https://mcp.example/mcp","authorization_servers":${deep}}`,
    };
    expect(() => judgeResourceMetadata([attempt as never], false)).not.toThrow();
    expect(judgeResourceMetadata([attempt as never], false).finding.result).toBe('fail');
  });
});
