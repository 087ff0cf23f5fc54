import { describe, expect, it } from 'vitest';
import { judgeCors } from './cors';
import type { ProbeResult } from './probe';

const response = (status: number, headers: Record<string, string>): ProbeResult => ({ url: 'https://mcp.example/mcp', status, headers: new Headers(headers) });
const goodPreflight = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'authorization, content-type, mcp-session-id, mcp-protocol-version',
};
const good401 = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'WWW-Authenticate, Mcp-Session-Id' };

describe('judgeCors', () => {
  it('passes a server that allows the headers and exposes the challenge and session', () => {
    expect(judgeCors(response(204, goodPreflight), response(401, good401)).result).toBe('pass');
  });

  it('a wildcard covers every header but Authorization, and nothing when credentials are allowed', () => {
    const wildcard = { ...goodPreflight, 'access-control-allow-headers': '*' };
    expect(judgeCors(response(204, wildcard), response(401, good401)).sentence).toMatch(
      /does not allow the header\(s\) authorization;|does not allow the header\(s\) authorization\./,
    );
    const explicitAuth = { ...goodPreflight, 'access-control-allow-headers': '*, Authorization' };
    expect(judgeCors(response(204, explicitAuth), response(401, good401)).result).toBe('pass');
    const withCredentials = {
      ...explicitAuth,
      'access-control-allow-credentials': 'true',
      'access-control-allow-origin': 'https://mcp-token-inspector.invalid',
    };
    expect(judgeCors(response(204, withCredentials), response(401, good401)).sentence).toMatch(/content-type, mcp-session-id, mcp-protocol-version/);
  });

  it('warns (never fails) when the 401 hides WWW-Authenticate or has no CORS headers at all', () => {
    const hidden = judgeCors(response(204, goodPreflight), response(401, { 'access-control-allow-origin': '*' }));
    expect(hidden.result).toBe('warn');
    expect(hidden.sentence).toMatch(/does not expose www-authenticate and mcp-session-id/);
    const none = judgeCors(response(204, {}), response(401, {}));
    expect(none.result).toBe('warn');
    expect(none.sentence).toMatch(/does not allow another origin/);
  });
});
