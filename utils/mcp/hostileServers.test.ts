import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToolsTest } from './runToolsTest';

// Servers that misbehave on purpose: the report must name the problem and the test must end.
describe('runToolsTest against hostile servers', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/garbage') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"this is": not json at all');
      } else if (req.url === '/endless') {
        // A JSON response that never ends: 64 KB chunks until the client goes away.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `"${'x'.repeat(65_536)}",`;
        res.write('[');
        const timer = setInterval(() => res.write(chunk), 5);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/wrong-rpc') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: 999, result: { hello: 'world' } }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  const run = (path: string, timeoutMs = 1500) => runToolsTest({ url: `${base}${path}`, auth: {}, transport: 'streamable-http', timeoutMs });

  it('says protocol for a body that is not JSON-RPC', async () => {
    expect((await run('/garbage')).failure?.kind).toBe('protocol');
  });

  it('ends an endless body at the timeout and says timeout', async () => {
    const started = Date.now();
    expect((await run('/endless', 800)).failure?.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not hang on a response for another request id: the client never gets its answer, so timeout', async () => {
    const report = await run('/wrong-rpc', 800);
    expect(report).toMatchObject({ outcome: 'fail', failure: { kind: 'timeout' } });
  });
});
