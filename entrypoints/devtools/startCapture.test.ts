import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FinishedRequest } from '../../platform/devtoolsNetwork';
import { harEntry } from '../../test-support/har';
import { signedJwt } from '../../test-support/tokens';

// fakeBrowser has no devtools.*: a small fake at that seam delivers finished requests.
const network = vi.hoisted(() => ({ listener: undefined as undefined | ((r: FinishedRequest) => void) }));
vi.mock('../../platform/devtoolsNetwork', () => ({
  onRequestFinished: (l: (r: FinishedRequest) => void) => (network.listener = l),
  recordedRequests: async () => [],
  onNavigated: () => {},
  evalInInspectedPage: async () => undefined,
}));
vi.mock('../../platform/recorderLink', () => ({
  onEarlyRecorderCopies: () => {},
  reloadWithRecorder: () => 'secret',
  takeReloadRecorderCopies: async () => [],
}));

const { startCapture } = await import('./startCapture');

describe('the devtools page → background link', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the background fingerprints, labels and times, never a token value', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void sent.push(m));
    startCapture(42);
    const now = Math.floor(Date.now() / 1000);
    const jwt = await signedJwt({ iss: 'https://portal.example.com', sub: 'alice', iat: now, exp: now + 900 });
    const tokenBody = JSON.stringify({ access_token: 'oauth:opaque-secret-value', expires_in: 900, refresh_token: 'oauth:refresh-secret-value' });
    network.listener!({
      entry: harEntry({ url: 'https://portal.example.com/mcp', requestHeaders: { Authorization: `Bearer ${jwt}` }, startedDateTime: new Date().toISOString() }),
      readBody: async () => undefined,
    });
    network.listener!({
      entry: harEntry({ method: 'POST', url: 'https://portal.example.com/oauth/token', startedDateTime: new Date().toISOString() }),
      readBody: async () => tokenBody,
    });
    await vi.waitFor(() => expect((sent.at(-1) as { tokens: unknown[] }).tokens).toHaveLength(2), { timeout: 2000 });

    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) {
      expect(message).toMatchObject({ type: 'schedule-tokens', tabId: 42 });
      const wire = JSON.stringify(message);
      for (const secret of [jwt, jwt.split('.')[1], jwt.split('.')[2], 'opaque-secret-value', 'refresh-secret-value']) expect(wire).not.toContain(secret);
    }
  });
});

describe('capture never stops', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a JWT nested 3,300 levels deep, then a normal token: both reach the panel, and so does the snapshot', async () => {
    const received: { type: string; rows?: { value: string }[] }[] = [];
    const panel = new BroadcastChannel('mcp-token-inspector/tab/43');
    panel.onmessage = (e) => received.push(e.data);
    startCapture(43);
    const deep = '{"a":'.repeat(3300) + '1' + '}'.repeat(3300);
    const hostile = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(deep).toString('base64url')}.c2ln`;
    const send = (token: string) =>
      network.listener!({
        entry: harEntry({ url: 'https://frame.example/x', requestHeaders: { Authorization: `Bearer ${token}` }, startedDateTime: new Date().toISOString() }),
        readBody: async () => undefined,
      });
    send(hostile);
    await new Promise((r) => setTimeout(r, 80));
    send('oauth:the-normal-one');
    const values = () => received.flatMap((m) => m.rows ?? []).map((r) => r.value);
    await vi.waitFor(() => expect(values()).toContain('oauth:the-normal-one'), { timeout: 2000 });
    expect(values()).toContain(hostile);

    received.length = 0;
    panel.postMessage({ type: 'panel-hello' });
    await vi.waitFor(
      () =>
        expect(
          received
            .find((m) => m.type === 'tokens-snapshot')
            ?.rows?.map((r) => r.value)
            .sort(),
        ).toEqual([hostile, 'oauth:the-normal-one'].sort()),
      {
        timeout: 2000,
      },
    );
    panel.close();
  });
});
