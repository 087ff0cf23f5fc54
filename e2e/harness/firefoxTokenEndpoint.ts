import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The content type of AWS JSON APIs: JSON that Firefox does not count as text, so DevTools hands its body to extensions base64-encoded. */
export const NOT_TEXT_JSON_TYPE = 'application/x-amz-json-1.1';

export interface TokenEndpoint {
  /** POST here; `?ttl=` sets expires_in (seconds), `?scope=` the scope. */
  tokenUrl: string;
  close(): Promise<void>;
}

/** An OAuth-style token endpoint on 127.0.0.1 that answers in NOT_TEXT_JSON_TYPE and lets `allowOrigin` read it. */
export async function startNotTextJsonTokenEndpoint(allowOrigin: string): Promise<TokenEndpoint> {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const ttl = Number(query.get('ttl')) || 300;
    const body = JSON.stringify({
      access_token: `aws-${randomBytes(24).toString('base64url')}`,
      token_type: 'Bearer',
      expires_in: ttl,
      scope: query.get('scope') ?? 'mcp:tools',
      refresh_token: `aws-rt-${randomBytes(24).toString('base64url')}`,
    });
    res.writeHead(200, { 'content-type': NOT_TEXT_JSON_TYPE, 'access-control-allow-origin': allowOrigin, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    tokenUrl: `http://127.0.0.1:${port}/token`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
