/**
 * Snippets that take a tested MCP server elsewhere. The token is a placeholder unless the user asks
 * for the real value (exports redact by default).
 */
export interface SnippetInput {
  url: string;
  /** The real token, only when the user ticked "include the token". */
  token?: string;
  hasToken: boolean;
  serverName?: string;
  /** How the test sent the token; the connector itself can only send a bearer. */
  sendAs?: 'bearer' | 'cf-access-token';
}

const PLACEHOLDER = '<TOKEN>';

/** Anthropic Messages API MCP connector: `mcp_servers` + one `mcp_toolset` (beta mcp-client-2025-11-20). */
export function claudeConnectorSnippet({ url, token, hasToken, serverName, sendAs }: SnippetInput): string {
  const name = connectorName(serverName ?? new URL(url).hostname);
  const server: Record<string, string> = { type: 'url', url, name };
  if (hasToken) server.authorization_token = token ?? PLACEHOLDER;
  const body = { mcp_servers: [server], tools: [{ type: 'mcp_toolset', mcp_server_name: name }] };
  const notes = [
    '// Anthropic Messages API, MCP connector: send with the header  anthropic-beta: mcp-client-2025-11-20',
    ...(new URL(url).protocol === 'https:' ? [] : ['// The connector needs an https URL: expose a local server through a tunnel first.']),
    ...(hasToken ? ['// A token captured from a browser expires soon: fine for a quick test, not for an integration.'] : []),
    ...(sendAs === 'cf-access-token'
      ? ['// The test sent a Cloudflare Access session as cf-access-token; the connector can only send a bearer, which Access will not take.']
      : []),
  ];
  return `${notes.join('\n')}\n${JSON.stringify(body, null, 2)}`;
}

/** The same initialize request the panel sends, as curl: what the user's write-up did by hand. */
export function curlInitializeSnippet({ url, token, hasToken, sendAs }: SnippetInput): string {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'curl', version: '1.0.0' } },
  });
  return [
    `curl -i -X POST ${shellQuote(url)}`,
    `  -H 'Accept: application/json, text/event-stream'`,
    `  -H 'Content-Type: application/json'`,
    ...(hasToken
      ? [`  -H ${shellQuote(sendAs === 'cf-access-token' ? `cf-access-token: ${token ?? PLACEHOLDER}` : `Authorization: Bearer ${token ?? PLACEHOLDER}`)}`]
      : []),
    `  -d ${shellQuote(body)}`,
  ].join(' \\\n');
}

function connectorName(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name.slice(0, 64) || 'mcp-server';
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
