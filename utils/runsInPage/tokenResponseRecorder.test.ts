import { createContext, runInContext } from 'node:vm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reloadRecorderScript, RELOAD_RECORDER_KEY, takeCopiesExpression } from './recorderHandoff';
import { installTokenResponseRecorder, type RecordedResponse } from './tokenResponseRecorder';

const TOKEN_BODY = JSON.stringify({ access_token: 'oauth:abc', refresh_token: 'oauth:rt', expires_in: 900 });

/** A real server on 127.0.0.1 (so responses carry their real URL), answering what `serve` gives. */
let serve: () => { body: string; type: string } = () => ({ body: TOKEN_BODY, type: 'application/json' });
let origin = '';
const server = createServer((_req, res) => {
  const { body, type } = serve();
  res.writeHead(200, { 'content-type': type }).end(body);
});
beforeAll(
  () =>
    new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), resolve()))),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A fresh JavaScript world standing in for the page: its own built-ins, plus the web classes and fetch Node has. */
function pageWorld(respond: () => { body: string; type: string }) {
  serve = respond;
  const context = createContext({ Response, Headers, Request, ReadableStream, ReadableStreamDefaultReader, TextDecoder, fetch, origin });
  runInContext('globalThis.window = globalThis;', context);
  return context as Record<string, unknown>;
}
const json = (body: string, type = 'application/json') => ({ body, type });

// The poisoning tests replace methods of classes this world shares with the test: put them back.
const saved = [Response.prototype.clone, Headers.prototype.get, TextDecoder.prototype.decode, ReadableStreamDefaultReader.prototype.read] as const;
afterEach(() => {
  [Response.prototype.clone, Headers.prototype.get, TextDecoder.prototype.decode, ReadableStreamDefaultReader.prototype.read] = saved as unknown as [
    never,
    never,
    never,
    never,
  ];
});

function install(world: Record<string, unknown>): RecordedResponse[] {
  const copies: RecordedResponse[] = [];
  world.deliver = (c: RecordedResponse) => copies.push(c);
  // Run from its source text in the page world: proves the recorder is self-contained.
  expect(runInContext(`(${installTokenResponseRecorder.toString()})(deliver)`, world)).toBe(true);
  return copies;
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the in-page recorder, run from its source in a fresh world', () => {
  it('copies a JSON token response exactly, and the page still reads its own body', async () => {
    const world = pageWorld(() => json(TOKEN_BODY));
    const copies = install(world);
    const response = (await runInContext(`fetch(origin + '/oauth/token', { method: 'post' })`, world)) as Response;
    expect(await response.text()).toBe(TOKEN_BODY);
    await settle();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ url: `${origin}/oauth/token`, method: 'POST', status: 200, body: TOKEN_BODY });
    expect(copies[0].receivedAt).toBeGreaterThanOrEqual(copies[0].requestedAt);
  });

  it('copies nothing that is not JSON, mentions no token, or is larger than 256 KB', async () => {
    const bodies = [json(TOKEN_BODY, 'text/html'), json('{"hello":1}'), json(JSON.stringify({ access_token: 'x'.repeat(300 * 1024) }))];
    const world = pageWorld(() => bodies.shift()!);
    const copies = install(world);
    for (let i = 0; i < 3; i++) await runInContext(`fetch(origin + '/t')`, world);
    await settle();
    expect(copies).toEqual([]);
  });

  it('keeps copying exactly when the page later replaces every built-in it could (and those never see the body)', async () => {
    const world = pageWorld(() => json(TOKEN_BODY));
    const copies = install(world);
    const seen: string[] = [];
    runInContext(
      `for (const [o, n] of [[Promise.prototype, 'then'], [String.prototype, 'indexOf'], [String.prototype, 'toLowerCase'], [Reflect, 'apply'], [JSON, 'stringify']]) {
         const orig = o[n]; o[n] = function (...a) { seen.push(n); return orig.apply(this, a); };
       }`,
      Object.assign(world, { seen }),
    );
    for (const [proto, name] of [
      [Response.prototype, 'clone'],
      [Headers.prototype, 'get'],
      [TextDecoder.prototype, 'decode'],
      [ReadableStreamDefaultReader.prototype, 'read'],
    ] as const) {
      const original = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...a: unknown[]) {
        seen.push(name);
        return original.apply(this, a);
      };
    }
    await runInContext(`fetch(origin + '/oauth/token')`, world);
    await settle();
    expect(copies.map((c) => c.body)).toEqual([TOKEN_BODY]);
    expect(seen).toEqual([]);
  });

  it('leaves the page’s own fetch behaving as it did: results, errors and odd arguments', async () => {
    const world = pageWorld(() => json(TOKEN_BODY));
    install(world);
    const weird = {
      get method(): string {
        throw new Error('page getter');
      },
    };
    // The browser's fetch rejects with the page's own error; the recorder adds no throw of its own.
    await expect(runInContext(`fetch(origin + '/t', weird)`, Object.assign(world, { weird }))).rejects.toThrow('page getter');
    await expect(runInContext(`fetch('not a url')`, world)).rejects.toThrow();
    const ok = (await runInContext(`fetch(new Request(origin + '/t', { method: 'PUT', body: 'x' }))`, world)) as Response;
    expect(ok.status).toBe(200);
  });
});

describe('the reload recorder (no site access): copies readable only with the secret', () => {
  it('answers nothing to a wrong secret, every copy once to the right one, and cannot be replaced', async () => {
    const world = pageWorld(() => json(TOKEN_BODY));
    runInContext(reloadRecorderScript('s3cret'), world);
    await runInContext(`fetch(origin + '/oauth/token', { method: 'POST' })`, world);
    await settle();
    expect(runInContext(`window[${JSON.stringify(RELOAD_RECORDER_KEY)}]('guess')`, world)).toBeNull();
    expect(() => runInContext(`'use strict'; window[${JSON.stringify(RELOAD_RECORDER_KEY)}] = () => '[]'`, world)).toThrow();
    expect(runInContext(`delete window[${JSON.stringify(RELOAD_RECORDER_KEY)}]`, world)).toBe(false);
    const copies = JSON.parse(runInContext(takeCopiesExpression('s3cret'), world) as string) as RecordedResponse[];
    expect(copies.map((c) => [c.url, c.method, c.body])).toEqual([[`${origin}/oauth/token`, 'POST', TOKEN_BODY]]);
    expect(runInContext(takeCopiesExpression('s3cret'), world)).toBe('[]');
  });
});
