import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import type { HandOffFormat, HandOffInput } from './model';
import { expiryStamp, HAND_OFF_FORMATS, handOffSnippet, MCP_CONNECTOR_BETA } from './handOff';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const EXP = NOW / 1000 + 14 * 60;
const URL_ = 'https://portal.example.com/mcp';
const SHELL_FORMATS: HandOffFormat[] = ['mcp-remote', 'inspector-cli', 'claude-code', 'claude-api', 'curl'];
const input = (o: Partial<HandOffInput> = {}): HandOffInput => ({ url: URL_, sendAs: 'bearer', expiresAtSeconds: EXP, nowMs: NOW, ...o });

/**
 * Runs a shell snippet in a real POSIX shell with the tools replaced by functions that print their
 * arguments, NUL-separated: what the tool would have received, exactly.
 */
function argvOf(snippet: string): string[] {
  const stubs = [
    `out() { for a in "$@"; do printf '%s\\0' "$a"; done; }`,
    `npx() { printf '%s\\0' "AUTH_TOKEN=\${AUTH_TOKEN-unset}"; out "$@"; }`,
    'curl() { out "$@"; }',
    'claude() { out "$@"; }',
  ].join('\n');
  return execFileSync('sh', ['-c', `${stubs}\n${snippet}`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
}

/** Loads a .env snippet the way `set -a; . ./.env` does, and returns the two variables. */
function envOf(snippet: string): string[] {
  return execFileSync('sh', ['-c', `set -a\n${snippet}\nprintf '%s\\0' "$MCP_SERVER_URL" "$MCP_TOKEN"`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
}

const after = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1];

describe('handOffSnippet: each format, as its tool reads it', () => {
  it('env: two lines a shell or dotenv loads, the expiry as a comment', () => {
    const text = handOffSnippet('env', input({ token: 'tok-abc' }));
    expect(text.split('\n')[0]).toBe('# MCP server and token from MCP Token Inspector: token expires 12:14 UTC, in 14 min');
    expect(envOf(text)).toEqual([URL_, 'tok-abc']);
  });

  it('mcp-remote: the token goes in through AUTH_TOKEN, which mcp-remote substitutes into --header itself', () => {
    const text = handOffSnippet('mcp-remote', input({ token: 'tok-abc' }));
    expect(text).toMatch(/^# mcp-remote .*token expires 12:14 UTC, in 14 min$/m);
    expect(argvOf(text)).toEqual(['AUTH_TOKEN=tok-abc', '-y', 'mcp-remote', URL_, '--header', 'Authorization: Bearer ${AUTH_TOKEN}']);
  });

  it('mcp-remote and Claude Desktop add --allow-http for plain http, except to localhost', () => {
    expect(argvOf(handOffSnippet('mcp-remote', input({ url: 'http://intranet.example/mcp' })))).toContain('--allow-http');
    expect(argvOf(handOffSnippet('mcp-remote', input({ url: 'http://127.0.0.1:8787/mcp' })))).not.toContain('--allow-http');
    const desktop = JSON.parse(handOffSnippet('claude-desktop', input({ url: 'http://intranet.example/mcp' })));
    expect(desktop.mcpServers['intranet-example'].args).toContain('--allow-http');
  });

  it('MCP Inspector CLI: tools/list over Streamable HTTP with the header', () => {
    const argv = argvOf(handOffSnippet('inspector-cli', input({ token: 'tok-abc' })));
    expect(argv[0]).toBe('AUTH_TOKEN=unset');
    expect(argv.slice(1)).toEqual([
      '-y',
      '@modelcontextprotocol/inspector',
      '--cli',
      URL_,
      '--transport',
      'http',
      '--method',
      'tools/list',
      '--header',
      'Authorization: Bearer tok-abc',
    ]);
  });

  it('Claude Desktop: an mcp-remote entry without spaces in args, the expiry in an env variable mcp-remote ignores', () => {
    const config = JSON.parse(handOffSnippet('claude-desktop', input({ token: 'tok-abc', serverName: 'My Portal!' })));
    expect(config).toEqual({
      mcpServers: {
        'my-portal': {
          command: 'npx',
          args: ['-y', 'mcp-remote', URL_, '--header', 'Authorization:${AUTH_HEADER}'],
          env: { AUTH_HEADER: 'Bearer tok-abc', TOKEN_EXPIRES: 'expires 12:14 UTC, in 14 min (a note for you: mcp-remote does not read this variable)' },
        },
      },
    });
    for (const arg of config.mcpServers['my-portal'].args) expect(arg).not.toMatch(/\s/);
  });

  it('Claude Code: claude mcp add --transport http <name> <url> --header …', () => {
    const argv = argvOf(handOffSnippet('claude-code', input({ token: 'tok-abc' })));
    expect(argv).toEqual(['mcp', 'add', '--transport', 'http', 'portal-example-com', URL_, '--header', 'Authorization: Bearer tok-abc']);
  });

  it('Anthropic Messages API: mcp_servers with authorization_token plus an mcp_toolset naming it, with the beta header', () => {
    const text = handOffSnippet('claude-api', input({ token: 'tok-abc' }));
    const argv = argvOf(text);
    expect(argv[0]).toBe('https://api.anthropic.com/v1/messages');
    expect(argv).toContain(`anthropic-beta: ${MCP_CONNECTOR_BETA}`);
    expect(argv).toContain('anthropic-version: 2023-06-01');
    expect(argv).toContain('x-api-key: ');
    const body = JSON.parse(after(argv, '-d'));
    expect(body.mcp_servers).toEqual([{ type: 'url', url: URL_, name: 'portal-example-com', authorization_token: 'tok-abc' }]);
    expect(body.tools).toEqual([{ type: 'mcp_toolset', mcp_server_name: 'portal-example-com' }]);
    expect(body.model).toMatch(/^claude-/);
    expect(text).toMatch(/^# .*token expires 12:14 UTC, in 14 min$/m);
  });

  it('Messages API: warns that it needs https and cannot send a Cloudflare Access session', () => {
    const text = handOffSnippet('claude-api', input({ url: 'http://127.0.0.1:8787/mcp', sendAs: 'cf-access-token' }));
    expect(text).toContain('# The connector reaches only public https URLs');
    expect(text).toContain('Cloudflare Access will not take');
  });

  it('for a server that needs no token (a Worker), the API request and curl carry none', () => {
    const api = argvOf(handOffSnippet('claude-api', input({ url: 'https://worker.example.dev/mcp', withoutToken: true })));
    expect(JSON.parse(after(api, '-d')).mcp_servers).toEqual([{ type: 'url', url: 'https://worker.example.dev/mcp', name: 'worker-example-dev' }]);
    const curl = handOffSnippet('curl', input({ withoutToken: true }));
    expect(curl).not.toMatch(/TOKEN|Authorization/);
    expect(argvOf(curl).filter((a, i) => argvOf(curl)[i - 1] === '-H')).toEqual([
      'Accept: application/json, text/event-stream',
      'Content-Type: application/json',
    ]);
  });

  it('curl: the initialize POST with both Accept types', () => {
    const argv = argvOf(handOffSnippet('curl', input({ token: 'tok-abc' })));
    expect(argv.slice(0, 4)).toEqual(['-i', '-X', 'POST', URL_]);
    expect(argv.filter((a, i) => argv[i - 1] === '-H')).toEqual([
      'Accept: application/json, text/event-stream',
      'Content-Type: application/json',
      'Authorization: Bearer tok-abc',
    ]);
    expect(JSON.parse(after(argv, '-d'))).toMatchObject({ jsonrpc: '2.0', method: 'initialize' });
  });

  it('sends a Cloudflare Access session as cf-access-token, not as a bearer', () => {
    expect(argvOf(handOffSnippet('curl', input({ token: 'tok-abc', sendAs: 'cf-access-token' })))).toContain('cf-access-token: tok-abc');
    expect(argvOf(handOffSnippet('mcp-remote', input({ token: 'tok-abc', sendAs: 'cf-access-token' })))).toContain('cf-access-token: ${AUTH_TOKEN}');
    const desktop = JSON.parse(handOffSnippet('claude-desktop', input({ token: 'tok-abc', sendAs: 'cf-access-token' })));
    expect(desktop.mcpServers['portal-example-com'].env.AUTH_HEADER).toBe('tok-abc');
  });
});

describe('handOffSnippet: redaction and expiry', () => {
  it('says <TOKEN> and carries no byte of the token unless it is included; with it, the token is there', async () => {
    const token = await signedJwt({ sub: 'alice', exp: EXP });
    for (const { format } of HAND_OFF_FORMATS) {
      const redacted = handOffSnippet(format, input());
      expect(redacted, format).toContain('<TOKEN>');
      expect(redacted, format).not.toContain(token.slice(0, 12));
      expect(redacted, format).toContain('expires 12:14 UTC, in 14 min');
      expect(handOffSnippet(format, input({ token })), format).toContain(token);
    }
  });

  it('stamps every format with the expiry, or says it is unknown or past', () => {
    expect(expiryStamp(undefined, NOW)).toBe('expiry unknown');
    expect(expiryStamp(NOW / 1000 - 600, NOW)).toBe('expired 11:50 UTC, 10 min ago');
    expect(expiryStamp(NOW / 1000 + 86400 * 2, NOW)).toBe('expires 2026-11-28 12:00 UTC, in 2 d');
    for (const { format } of HAND_OFF_FORMATS) expect(handOffSnippet(format, input({ expiresAtSeconds: undefined })), format).toContain('expiry unknown');
  });
});

describe('handOffSnippet: odd characters cannot break out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-'));
  const canary = join(dir, 'pwned');
  const oddToken = `a'b"c$(touch ${canary})\`touch ${canary}\`\\d e;f|g&h#i`;
  const oddUrl = `https://portal.example.com/it's "a"/$(touch ${canary})/\`x\`/mcp?q=$HOME&r=\`touch ${canary}\`#frag`;

  it('shell formats hand the tool exactly the URL and header, running nothing', () => {
    const url = new URL(oddUrl).href;
    for (const format of SHELL_FORMATS) {
      const argv = argvOf(handOffSnippet(format, input({ url: oddUrl, token: oddToken })));
      expect(argv, format).toContain(format === 'claude-api' ? 'https://api.anthropic.com/v1/messages' : url);
      if (format === 'claude-api') expect(JSON.parse(after(argv, '-d')).mcp_servers[0]).toMatchObject({ url, authorization_token: oddToken });
      else if (format === 'mcp-remote') expect(argv[0]).toBe(`AUTH_TOKEN=${oddToken}`);
      else expect(argv, format).toContain(`Authorization: Bearer ${oddToken}`);
    }
    expect(existsSync(canary)).toBe(false);
  });

  it('JSON formats escape them', () => {
    const config = JSON.parse(handOffSnippet('claude-desktop', input({ url: oddUrl, token: oddToken })));
    expect(config.mcpServers['portal-example-com'].env.AUTH_HEADER).toBe(`Bearer ${oddToken}`);
  });

  it('.env refuses a value with a single quote rather than writing one dotenv reads differently', () => {
    const text = handOffSnippet('env', input({ url: oddUrl, token: 'tok' }));
    expect(text).toMatch(/^# Not made: the URL or the token contains a single quote/m);
    expect(envOf(text)).toEqual(['', '']);
  });

  it('refuses a line break or other control character in the URL or the token', () => {
    for (const { format } of HAND_OFF_FORMATS) {
      for (const bad of [input({ token: 'abc\ntouch /tmp/x' }), input({ token: 'abc\r' }), input({ url: `${URL_}\nrm -rf ~` }), input({ token: '' })]) {
        const text = handOffSnippet(format, bad);
        expect(text, format).toMatch(/^# Not made: /);
        expect(text).not.toContain('\n');
        expect(text).not.toContain('touch');
        expect(text).not.toContain('rm -rf');
      }
    }
    expect(handOffSnippet('curl', input({ url: 'javascript:alert(1)' }))).toBe('# Not made: the URL is not http or https.');
  });

  it('holds for any URL path, query and token without control characters', () => {
    // eslint-disable-next-line no-control-regex
    const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ''));
    fc.assert(
      fc.property(
        text,
        text,
        text.filter((t) => t.length >= 16),
        (path, query, token) => {
          const url = `https://portal.example.com/${path}?${query}`;
          const href = new URL(url).href;
          for (const format of SHELL_FORMATS) {
            const redacted = handOffSnippet(format, input({ url }));
            expect(redacted).not.toContain(token);
            const argv = argvOf(handOffSnippet(format, input({ url, token })));
            if (format === 'claude-api') expect(JSON.parse(after(argv, '-d')).mcp_servers[0]).toMatchObject({ url: href, authorization_token: token });
            else if (format === 'mcp-remote') expect(argv.slice(0, 4)).toEqual([`AUTH_TOKEN=${token}`, '-y', 'mcp-remote', href]);
            else expect(argv).toEqual(expect.arrayContaining([href, `Authorization: Bearer ${token}`]));
          }
          const desktop = JSON.parse(handOffSnippet('claude-desktop', input({ url, token })));
          expect(Object.values(desktop.mcpServers)).toEqual([expect.objectContaining({ env: expect.objectContaining({ AUTH_HEADER: `Bearer ${token}` }) })]);
        },
      ),
      { numRuns: 40 },
    );
    // About 240 real shells: slow on a loaded CI machine, so the time limit is generous (nothing here waits on time).
  }, 60_000);
});
