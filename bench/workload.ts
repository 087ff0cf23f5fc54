import { SignJWT, generateKeyPair } from 'jose';
import type { HarEntryLike } from '../utils/capture/har';

/**
 * A realistic DevTools capture: mostly static assets and API calls with a handful of tokens
 * (Bearer JWT, opaque token, CF_Authorization cookie), occasional token-endpoint responses, and
 * the usual crowd of unrelated headers.
 */
export async function generateWorkload(count: number): Promise<{ entries: HarEntryLike[]; bodies: (string | undefined)[] }> {
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  const jwt = (sub: string) =>
    new SignJWT({ sub, email: `${sub}@example.com`, scope: 'mcp:tools', aud: ['https://portal.example.com/mcp'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
      .setIssuer('https://team.cloudflareaccess.com')
      .setIssuedAt(now)
      .setExpirationTime(now + 900)
      .sign(privateKey);
  const bearer = [await jwt('alice'), await jwt('bob'), 'oauth:Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0'];
  const cookie = await jwt('cookie-user');
  const commonHeaders = [
    { name: 'Accept', value: 'application/json, text/plain, */*' },
    { name: 'Accept-Language', value: 'en-US,en;q=0.9' },
    { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36' },
    { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not.A/Brand";v="24"' },
    { name: 'Referer', value: 'https://portal.example.com/dashboard' },
  ];
  const responseHeaders = [
    { name: 'content-type', value: 'application/json' },
    { name: 'date', value: new Date().toUTCString() },
    { name: 'cf-ray', value: '8c1f2a3b4c5d6e7f-AMS' },
    { name: 'server', value: 'cloudflare' },
  ];

  const entries: HarEntryLike[] = [];
  const bodies: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    const started = new Date(Date.now() - (count - i) * 50).toISOString();
    const kind = i % 100;
    if (kind < 40) {
      entries.push({
        startedDateTime: started,
        time: 5,
        request: { method: 'GET', url: `https://cdn.example.com/assets/chunk-${i}.js`, headers: commonHeaders, cookies: [] },
        response: { status: 200, headers: [{ name: 'content-type', value: 'text/javascript' }], content: { mimeType: 'text/javascript', size: 40_000 } },
      });
      bodies.push(undefined);
    } else if (kind < 98) {
      entries.push({
        startedDateTime: started,
        time: 30,
        request: {
          method: 'POST',
          url: `https://portal.example.com/mcp?page=${i % 7}`,
          headers: [...commonHeaders, { name: 'Authorization', value: `Bearer ${bearer[i % bearer.length]}` }, { name: 'Mcp-Session-Id', value: 'c0ffee' }],
          cookies: [
            { name: 'CF_Authorization', value: cookie },
            { name: 'theme', value: 'dark' },
          ],
        },
        response: { status: 200, headers: responseHeaders, content: { mimeType: 'application/json', size: 900 } },
      });
      bodies.push('{"jsonrpc":"2.0","id":3,"result":{"tools":[{"name":"get_sections","description":"Lists sections"}]}}');
    } else {
      entries.push({
        startedDateTime: started,
        time: 80,
        request: { method: 'POST', url: 'https://portal.example.com/oauth/token', headers: commonHeaders, cookies: [] },
        response: { status: 200, headers: responseHeaders, content: { mimeType: 'application/json', size: 300 } },
      });
      bodies.push(JSON.stringify({ access_token: `oauth:issued-${i}-Zm9vYmFy`, token_type: 'Bearer', expires_in: 900, refresh_token: `oauth:rt-${i}-YmF6` }));
    }
  }
  return { entries, bodies };
}
