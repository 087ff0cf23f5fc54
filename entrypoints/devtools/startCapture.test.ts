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
