import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_RECORDER_SOURCE, installPageTokenRecorder, takeRecordedBodyExpression } from './pageTokenRecorder';

type Recorder = { take(url: string, startedAt: number): string | null };

/** A constructed Response has an empty url; a real one names what was fetched. */
const withUrl = (response: Response, url: string) => Object.defineProperty(response, 'url', { value: url });
const g = globalThis as unknown as Record<string, unknown>;

describe('the in-page recorder of token responses', () => {
  const originalFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = originalFetch;
    delete g.__mcpTokenInspectorRecorder;
    delete g.window;
  });

  it('hands each request its own response, never an older one from the same endpoint', async () => {
    let n = 0;
    g.window = globalThis;
    globalThis.fetch = vi.fn(async (input: string | URL | Request) => {
      n += 1;
      return withUrl(
        new Response(JSON.stringify({ access_token: `token-${n}`, expires_in: 60 }), { headers: { 'content-type': 'application/json' } }),
        String(input),
      );
    }) as typeof fetch;
    expect(installPageTokenRecorder()).toBe(true);
    expect(installPageTokenRecorder()).toBe(false);
    const recorder = g.__mcpTokenInspectorRecorder as Recorder;
    const url = 'https://auth.example.com/oauth/token';
    const readAll = async (r: Response) => r.text();

    await readAll(await fetch(url));
    await vi.waitFor(() => expect(recorder.take(url, 0)).toContain('token-1'));
    await readAll(await fetch(url));
    const secondStarted = Date.now();
    await readAll(await fetch(url));
    await vi.waitFor(() => expect(recorder.take(url, secondStarted)).toContain('token-3'));
    expect(recorder.take(url, Date.now() + 60_000)).toBeNull();
  });

  it('keeps nothing that is not JSON mentioning a token, nor anything too big', async () => {
    g.window = globalThis;
    const bodies = [
      new Response('<html>token</html>', { headers: { 'content-type': 'text/html' } }),
      new Response(JSON.stringify({ hello: 'world' }), { headers: { 'content-type': 'application/json' } }),
      new Response(JSON.stringify({ access_token: 'x'.repeat(300_000) }), { headers: { 'content-type': 'application/json' } }),
    ];
    globalThis.fetch = vi.fn(async (input: string | URL | Request) => withUrl(bodies.shift()!, String(input))) as typeof fetch;
    installPageTokenRecorder();
    const recorder = g.__mcpTokenInspectorRecorder as Recorder;
    for (let i = 0; i < 3; i++) await (await fetch('https://x.example/a')).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(recorder.take('https://x.example/a', 0)).toBeNull();
  });

  it('is evaluated as a self-contained expression', () => {
    expect(PAGE_RECORDER_SOURCE.startsWith('(function') || PAGE_RECORDER_SOURCE.startsWith('(')).toBe(true);
    expect(takeRecordedBodyExpression('https://a/b?c="d"', 5)).toContain('take("https://a/b?c=\\"d\\"", 5)');
  });
});
