import type { HandOffFormat, HandOffInput } from './model';
import { durationWords, utcClock } from './words';

/**
 * Snippets that hand a captured token on to another tool, one per format. The token appears only
 * when the caller passes it (the user ticked "include the token"); otherwise `<TOKEN>`. Every
 * snippet carries the token's expiry in its own syntax: a `#` comment line in shell and .env
 * snippets, and in Claude Desktop's JSON (which has no comments) an extra `env` variable
 * `TOKEN_EXPIRES` that mcp-remote never reads.
 *
 * Shell snippets are POSIX sh: every value the page or the user chose is single-quoted, with `'`
 * written as `'\''`. A URL or token holding a control character (a line break could end the command
 * and start another) is refused rather than encoded: no real token or endpoint has one.
 */

export const HAND_OFF_FORMATS: readonly { format: HandOffFormat; label: string }[] = [
  { format: 'env', label: '.env lines' },
  { format: 'mcp-remote', label: 'mcp-remote command' },
  { format: 'inspector-cli', label: 'MCP Inspector CLI' },
  { format: 'claude-desktop', label: 'Claude Desktop (claude_desktop_config.json)' },
  { format: 'claude-code', label: 'Claude Code (claude mcp add)' },
  { format: 'claude-api', label: 'Anthropic Messages API (curl)' },
  { format: 'curl', label: 'curl initialize' },
];

export const TOKEN_PLACEHOLDER = '<TOKEN>';
/** The beta the Messages API MCP connector needs (mcp_servers + mcp_toolset). */
export const MCP_CONNECTOR_BETA = 'mcp-client-2025-11-20';
/** The model in the Messages API example; any current model takes the connector. */
export const EXAMPLE_MODEL = 'claude-sonnet-4-5';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why no snippet can be made for this input, or undefined when one can. */
export function handOffProblem(input: HandOffInput): string | undefined {
  if (typeof input.url !== 'string' || CONTROL.test(input.url)) return 'the URL contains a line break or another control character.';
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return 'the URL is not a valid URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the URL is not http or https.';
  if (input.token !== undefined) {
    if (input.token === '') return 'the token is empty.';
    if (CONTROL.test(input.token)) return 'the token contains a line break or another control character; no real token does.';
  }
  return undefined;
}

/** The text the copy button copies: the token only when `input.token` is given, else `<TOKEN>`. */
export function handOffSnippet(format: HandOffFormat, input: HandOffInput): string {
  const problem = handOffProblem(input);
  if (problem) return `# Not made: ${problem}`;
  const ctx = context(input);
  switch (format) {
    case 'env':
      return envSnippet(ctx);
    case 'mcp-remote':
      return mcpRemoteSnippet(ctx);
    case 'inspector-cli':
      return inspectorSnippet(ctx);
    case 'claude-desktop':
      return claudeDesktopSnippet(ctx);
    case 'claude-code':
      return claudeCodeSnippet(ctx);
    case 'claude-api':
      return claudeApiSnippet(ctx);
    case 'curl':
      return curlSnippet(ctx);
    default:
      return `# Not made: unknown format.`;
  }
}

/** "expires 17:40 UTC, in 14 min", "expired 17:40 UTC, 3 min ago", or "expiry unknown". */
export function expiryStamp(expiresAtSeconds: number | undefined, nowMs: number): string {
  if (expiresAtSeconds === undefined || !Number.isFinite(expiresAtSeconds)) return 'expiry unknown';
  const atMs = expiresAtSeconds * 1000;
  const left = Math.floor((atMs - nowMs) / 1000);
  return left > 0 ? `expires ${utcClock(atMs, nowMs)}, in ${durationWords(left)}` : `expired ${utcClock(atMs, nowMs)}, ${durationWords(left)} ago`;
}

/** POSIX shell single quoting. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

interface Context {
  url: string;
  token: string;
  included: boolean;
  bearer: boolean;
  /** Header name the token goes in. */
  headerName: string;
  /** Header value with the token in it. */
  headerValue: (token: string) => string;
  stamp: string;
  name: string;
  https: boolean;
  localhost: boolean;
  withoutToken: boolean;
}

function context(input: HandOffInput): Context {
  const url = new URL(input.url);
  const bearer = input.sendAs !== 'cf-access-token';
  return {
    url: url.href,
    token: input.token ?? TOKEN_PLACEHOLDER,
    included: input.token !== undefined,
    bearer,
    headerName: bearer ? 'Authorization' : 'cf-access-token',
    headerValue: (token) => (bearer ? `Bearer ${token}` : token),
    stamp: input.withoutToken ? 'none needed' : expiryStamp(input.expiresAtSeconds, input.nowMs),
    name: serverName(input.serverName ?? url.hostname),
    https: url.protocol === 'https:',
    localhost: url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1'),
    withoutToken: input.withoutToken === true,
  };
}

function envSnippet(c: Context): string {
  const lines = [
    `# MCP server and token from MCP Token Inspector: token ${c.stamp}`,
    `# Send it as:  ${c.headerName}: ${c.bearer ? 'Bearer $MCP_TOKEN' : '$MCP_TOKEN'}`,
  ];
  // .env dialects agree only on single quotes without escapes: a value with a quote cannot be written.
  if (c.url.includes("'") || c.token.includes("'"))
    return [...lines, '# Not made: the URL or the token contains a single quote, which .env files cannot hold portably.'].join('\n');
  return [...lines, `MCP_SERVER_URL='${c.url}'`, `MCP_TOKEN='${c.token}'`].join('\n');
}

function mcpRemoteSnippet(c: Context): string {
  // mcp-remote replaces ${AUTH_TOKEN} in --header values from its own environment (and logs the
  // headers before that), so the token is neither in its argument list nor in its log.
  const header = `${c.headerName}: ${c.bearer ? 'Bearer ${AUTH_TOKEN}' : '${AUTH_TOKEN}'}`;
  const args = ['npx', '-y', 'mcp-remote', shellQuote(c.url), '--header', shellQuote(header), ...(httpFlag(c) ? ['--allow-http'] : [])];
  return [`# mcp-remote (stdio proxy to the remote server): token ${c.stamp}`, `AUTH_TOKEN=${shellQuote(c.token)} ${args.join(' ')}`].join('\n');
}

function inspectorSnippet(c: Context): string {
  return [
    `# MCP Inspector CLI (needs Node 22.19 or later): token ${c.stamp}`,
    `MCP_TOKEN=${shellQuote(c.token)}`,
    `npx -y @modelcontextprotocol/inspector --cli ${shellQuote(c.url)} --transport http --method tools/list --header ${headerWithVariable(c)}`,
  ].join('\n');
}

function claudeDesktopSnippet(c: Context): string {
  // "Authorization:${AUTH_HEADER}" without a space: Claude Desktop on Windows (and Cursor) pass
  // args with spaces unquoted to npx; mcp-remote documents this form as the workaround.
  const server = {
    command: 'npx',
    args: ['-y', 'mcp-remote', c.url, '--header', `${c.headerName}:\${AUTH_HEADER}`, ...(httpFlag(c) ? ['--allow-http'] : [])],
    env: { AUTH_HEADER: c.headerValue(c.token), TOKEN_EXPIRES: `${c.stamp} (a note for you: mcp-remote does not read this variable)` },
  };
  return JSON.stringify({ mcpServers: { [c.name]: server } }, null, 2);
}

function claudeCodeSnippet(c: Context): string {
  return [
    `# Claude Code: add the server over Streamable HTTP: token ${c.stamp}`,
    `MCP_TOKEN=${shellQuote(c.token)}`,
    // --header takes several values, so it goes after the name and URL.
    `claude mcp add --transport http ${shellQuote(c.name)} ${shellQuote(c.url)} --header ${headerWithVariable(c)}`,
  ].join('\n');
}

function claudeApiSnippet(c: Context): string {
  const server = { type: 'url', url: c.url, name: c.name, ...(c.withoutToken ? {} : { authorization_token: c.token }) };
  const body = {
    model: EXAMPLE_MODEL,
    max_tokens: 1000,
    messages: [{ role: 'user', content: 'What tools do you have available?' }],
    mcp_servers: [server],
    tools: [{ type: 'mcp_toolset', mcp_server_name: c.name }],
  };
  return [
    `# Anthropic Messages API with the MCP connector (beta ${MCP_CONNECTOR_BETA}): token ${c.stamp}`,
    ...(c.https ? [] : ['# The connector reaches only public https URLs: expose a local server through a tunnel first.']),
    ...(c.bearer || c.withoutToken ? [] : ['# The connector sends authorization_token as a bearer; Cloudflare Access will not take its session that way.']),
    'curl https://api.anthropic.com/v1/messages \\',
    "  -H 'content-type: application/json' \\",
    '  -H "x-api-key: ${ANTHROPIC_API_KEY}" \\',
    "  -H 'anthropic-version: 2023-06-01' \\",
    `  -H 'anthropic-beta: ${MCP_CONNECTOR_BETA}' \\`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join('\n');
}

function curlSnippet(c: Context): string {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'curl', version: '1.0.0' } },
  });
  return [
    `# MCP initialize request: token ${c.stamp}`,
    ...(c.withoutToken ? [] : [`MCP_TOKEN=${shellQuote(c.token)}`]),
    `curl -i -X POST ${shellQuote(c.url)} \\`,
    "  -H 'Accept: application/json, text/event-stream' \\",
    "  -H 'Content-Type: application/json' \\",
    ...(c.withoutToken ? [] : [`  -H ${headerWithVariable(c)} \\`]),
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}

/** `"Authorization: Bearer ${MCP_TOKEN}"`: the shell expands the variable; what it expands to is never re-read as shell. */
function headerWithVariable(c: Context): string {
  return `"${c.headerName}: ${c.bearer ? 'Bearer ${MCP_TOKEN}' : '${MCP_TOKEN}'}"`;
}

/** mcp-remote refuses plain http except to localhost / 127.0.0.1 unless told. */
function httpFlag(c: Context): boolean {
  return !c.https && !c.localhost;
}

function serverName(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name.slice(0, 64) || 'mcp-server';
}
