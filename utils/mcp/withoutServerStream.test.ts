import { describe, expect, it } from 'vitest';
import { withoutServerStream } from './withoutServerStream';

describe('withoutServerStream: a one-shot test opens no GET stream', () => {
  it('answers the SDK’s standalone GET stream with 405 locally, and passes every other request on', async () => {
    const sent: string[] = [];
    const fetchFn = withoutServerStream(async (url, init) => {
      sent.push(`${init?.method ?? 'GET'} ${String(url)}`);
      return new Response('{}', { status: 200 });
    });
    const stream = await fetchFn('https://mcp.example/mcp', { method: 'GET', headers: new Headers({ accept: 'text/event-stream' }) });
    expect(stream.status).toBe(405);
    await fetchFn('https://mcp.example/mcp', { method: 'POST', headers: { accept: 'application/json, text/event-stream' } });
    await fetchFn('https://mcp.example/mcp', { method: 'DELETE' });
    expect(sent).toEqual(['POST https://mcp.example/mcp', 'DELETE https://mcp.example/mcp']);
  });
});
