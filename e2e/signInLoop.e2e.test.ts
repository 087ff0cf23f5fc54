import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { tokenFingerprint } from '../utils/fingerprint';
import type { TokenResponse } from './harness/demoPage';
import { useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';

const TTL = 600;

/** One sign-in through the demo's OAuth redirect: /authorize → /callback?code=… whose first script exchanges the code and calls replaceState at once. */
async function signInThroughRedirect(page: Page, origin: string): Promise<{ tokens: TokenResponse; startedAt: number; finishedAt: number }> {
  const startedAt = Date.now();
  await page.goto(`${origin}/authorize?kind=opaque&ttl=${TTL}`);
  const tokens = (await page.evaluate(() => (window as unknown as { demoCallback: Promise<TokenResponse> }).demoCallback)) as TokenResponse;
  return { tokens, startedAt, finishedAt: Date.now() };
}

describe('repeated sign-ins on an OAuth callback page that races DevTools', () => {
  const env = useDemoWithPanel();

  it('captures every access token with its exact expiry, and its refresh token, 10 of 10', async () => {
    const results: string[] = [];
    for (let i = 0; i < 10; i++) {
      const { tokens, startedAt, finishedAt } = await signInThroughRedirect(env.s.page, env.demo.url);
      expect(tokens.refresh_token).toBeTruthy();
      const access = await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.access_token), source: 'token-response' });
      await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.refresh_token!), source: 'token-response' });
      const expiresAt = Number(access.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) + TTL - 1);
      expect(expiresAt).toBeLessThanOrEqual(Math.ceil(finishedAt / 1000) + TTL + 1);
      results.push(access.fingerprint);
    }
    expect(new Set(results).size).toBe(10);
  });
});
