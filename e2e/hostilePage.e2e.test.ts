import { describe, expect, it } from 'vitest';
import { mcpRoutes } from '../demo/mcpRoutes';
import { startDemoServer } from '../demo/portal';
import { hostilePageRoute, PLANTED_TOKEN } from '../test-support/hostilePage';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { openPanelOn, tokenRows, waitForRow } from './harness/devtoolsPanel';

interface HostileReport {
  done?: boolean;
  portsSeen: number;
  eventsSeen: string[];
  handOffAccepted: boolean;
  globals: string[];
  builtinsCalled: string[];
  streamChunksSeen: boolean;
  tokens: { access_token: string; refresh_token: string; expires_in: number };
}

describe('a page that attacks the in-page recorder', () => {
  it('reads nothing of it, plants nothing in it, and cannot stop it from keeping the real token response', async () => {
    const demo = await startDemoServer({ port: 0 }, (issuer) => [mcpRoutes(issuer), hostilePageRoute]);
    const s = await openPanelOn(`${demo.url}/`);
    try {
      const startedAt = Date.now();
      await s.page.goto(`${demo.url}/authorize?kind=opaque&ttl=600&callback=/hostile`);
      await s.page.waitForFunction(() => (window as unknown as { hostileReport?: { done?: boolean } }).hostileReport?.done === true);
      const report = (await s.page.evaluate(() => (window as unknown as { hostileReport: unknown }).hostileReport)) as HostileReport;

      expect(report.portsSeen).toBe(0);
      // Only its own two events, each seen by its window and document listeners.
      expect(report.eventsSeen.sort()).toEqual([
        'mcp-token-inspector:recorder-port',
        'mcp-token-inspector:recorder-port',
        'mcp-token-inspector:relay-ready',
        'mcp-token-inspector:relay-ready',
      ]);
      expect(report.handOffAccepted).toBe(false);
      expect(report.globals).toEqual([]);
      expect(report.builtinsCalled).toEqual([]);
      expect(report.streamChunksSeen).toBe(false);

      // The real token response was kept despite the replaced built-ins, with its exact expiry…
      const access = await waitForRow(s.panel, { fingerprint: tokenFingerprint(report.tokens.access_token), source: 'token-response' });
      expect(Number(access.expiresAt)).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) + 599);
      await waitForRow(s.panel, { fingerprint: tokenFingerprint(report.tokens.refresh_token), source: 'token-response' });
      // …and the planted token is nowhere.
      expect((await tokenRows(s.panel)).map((r) => r.fingerprint)).not.toContain(tokenFingerprint(PLANTED_TOKEN));
    } finally {
      await s.close();
      await demo.close();
    }
  });

  it('keeps capturing after a JWT nested 3,300 levels deep: the next token appears', async () => {
    const demo = await startDemoServer({ port: 0 }, (issuer) => [mcpRoutes(issuer)]);
    const s = await openPanelOn(`${demo.url}/`);
    try {
      const deep = '{"a":'.repeat(3300) + '1' + '}'.repeat(3300);
      const hostile = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(deep).toString('base64url')}.c2ln`;
      const normal = 'oauth:the-normal-one-after-the-hostile-one';
      for (const token of [hostile, normal]) {
        await s.page.evaluate((t) => fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } }).then(() => undefined), token);
      }
      await waitForRow(s.panel, { fingerprint: tokenFingerprint(normal) });
      const row = await waitForRow(s.panel, { fingerprint: tokenFingerprint(hostile) });
      expect(row.kind).toBe('jwt');
    } finally {
      await s.close();
      await demo.close();
    }
  });
});
