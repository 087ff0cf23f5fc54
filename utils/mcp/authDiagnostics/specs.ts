import type { SpecRef } from './types';

const MCP_AUTH = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';

export const SPEC = {
  challenge: {
    name: 'MCP Authorization: protected resource metadata discovery; RFC 6750 §3',
    url: `${MCP_AUTH}#protected-resource-metadata-discovery-requirements`,
  },
  resourceMetadata: { name: 'RFC 9728 §3 (protected resource metadata)', url: 'https://www.rfc-editor.org/rfc/rfc9728#section-3' },
  resourceMatches: { name: 'RFC 8707 §2 (resource indicators); RFC 9728 §3.3', url: 'https://www.rfc-editor.org/rfc/rfc8707#section-2' },
  asMetadata: { name: 'RFC 8414 §3 (authorization server metadata)', url: 'https://www.rfc-editor.org/rfc/rfc8414#section-3' },
  pkce: { name: 'MCP Authorization: authorization code protection (PKCE S256)', url: `${MCP_AUTH}#authorization-code-protection` },
  registration: { name: 'MCP Authorization: client registration (RFC 7591, client ID metadata documents)', url: `${MCP_AUTH}#client-registration-approaches` },
  refresh: { name: 'RFC 6749 §6 (refreshing an access token)', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-6' },
  cors: { name: 'Fetch standard: CORS protocol', url: 'https://fetch.spec.whatwg.org/#http-cors-protocol' },
  tokenAudience: { name: 'MCP Authorization: token audience binding; RFC 8707', url: `${MCP_AUTH}#token-audience-binding-and-validation` },
  clockSkew: { name: 'RFC 9110 §6.6.1 (Date)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1' },
} satisfies Record<string, SpecRef>;
