import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSource, type StreamErrorEvent, type StreamMessageEvent } from './oneShotEventSource';

let server: Server;
let base = '';
const hits: string[] = [];
const open = new Set<ServerResponse>();
/** Resolves when the server sees the open stream's connection go away. */
let streamClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: endpoint\ndata: /message?sessionId=1\n\n');
      // Split across writes, with a comment line: the parser joins them.
      res.write(': keep-alive\ndata: {"jsonrpc":"2.0",');
      res.end('"method":"ping"}\n\n');
    } else if (req.url === '/unauthorized') {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    } else if (req.url === '/login-page') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    } else {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      open.add(res);
      streamClosed = new Promise((resolve) => res.on('close', () => resolve()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function collect(source: EventSource) {
  const got: { events: StreamMessageEvent[]; errors: StreamErrorEvent[] } = { events: [], errors: [] };
  const ended = new Promise<void>((resolve) => {
    source.onerror = (e) => {
      got.errors.push(e);
      resolve();
    };
  });
  source.onmessage = (e) => got.events.push(e);
  source.addEventListener('endpoint', (e) => got.events.push(e));
  return { got, ended };
}

describe('the one-stream EventSource the legacy SSE transport uses in the panel', () => {
  it('delivers named and unnamed events in order, then reports the end of the stream once, without reconnecting', async () => {
    const before = hits.length;
    const source = new EventSource(`${base}/stream`);
    const { got, ended } = collect(source);
    await ended;
    expect(got.events.map((e) => [e.type, e.data])).toEqual([
      ['endpoint', '/message?sessionId=1'],
      ['message', '{"jsonrpc":"2.0","method":"ping"}'],
    ]);
    expect(got.errors).toEqual([{ type: 'error', message: 'The server closed the event stream' }]);
    // A reconnecting EventSource would be CONNECTING again here.
    expect(source.readyState).toBe(EventSource.CLOSED);
    expect(hits.slice(before)).toEqual(['/stream']);
  });

  it('reports a refused stream with its status (the transport classifies a 401), and an HTML page as the wrong content type', async () => {
    const refused = collect(new EventSource(`${base}/unauthorized`));
    await refused.ended;
    expect(refused.got.errors).toEqual([{ type: 'error', code: 401, message: 'Non-200 status code (401)' }]);
    const page = collect(new EventSource(`${base}/login-page`));
    await page.ended;
    expect(page.got.errors[0]).toMatchObject({ code: 200, message: 'Invalid content type, expected "text/event-stream", got "text/html"' });
    expect(page.got.events).toEqual([]);
  });

  it('uses the fetch it is given (the transport adds its headers there), and close() ends the stream quietly', async () => {
    const seen: string[] = [];
    const source = new EventSource(`${base}/open`, {
      fetch: (url, init) => {
        seen.push(String(url));
        return fetch(url, init);
      },
    });
    const { got } = collect(source);
    await new Promise<void>((resolve) => (source.onmessage = () => resolve()));
    source.close();
    await streamClosed;
    expect(source.readyState).toBe(EventSource.CLOSED);
    expect(seen).toEqual([`${base}/open`]);
    expect(got.errors).toEqual([]);
  });
});
