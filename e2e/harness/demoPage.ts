import type { Page } from 'puppeteer-core';

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

type DemoPortal = {
  signIn(kind: string, ttl?: number): Promise<TokenResponse>;
  listTools(path?: string): Promise<{ status: number }>;
};

/** Drives the demo portal page the way its buttons do. */
export const demoPortal = {
  signIn: (page: Page, kind: 'jwt' | 'opaque', ttl?: number) =>
    page.evaluate((k, t) => (window as unknown as { demoPortal: DemoPortal }).demoPortal.signIn(k, t), kind, ttl) as Promise<TokenResponse>,
  listTools: (page: Page, path = '/mcp') => page.evaluate((p) => (window as unknown as { demoPortal: DemoPortal }).demoPortal.listTools(p), path),
};

/**
 * One sign-in through the demo's OAuth redirect: /authorize → /callback?code=…, whose first script
 * exchanges the code and calls history.replaceState the moment it has the tokens.
 */
export async function signInThroughRedirect(
  page: Page,
  origin: string,
  ttl: number,
): Promise<{ tokens: TokenResponse; startedAt: number; finishedAt: number }> {
  const startedAt = Date.now();
  await page.goto(`${origin}/authorize?kind=opaque&ttl=${ttl}`);
  const tokens = (await page.evaluate(() => (window as unknown as { demoCallback: Promise<TokenResponse> }).demoCallback)) as TokenResponse;
  return { tokens, startedAt, finishedAt: Date.now() };
}

/** Settings of the demo's auto-refresh client page (demo/portalPage.ts autoRefreshPage). */
export interface AutoRefreshSettings {
  ttl: number;
  lead: number;
  /** Stop after this many access tokens. */
  tokens: number;
  resource?: boolean;
  offline?: boolean;
  format?: 'form' | 'json';
  kind?: 'jwt' | 'opaque';
}

/** What one token response gave the auto-refresh page, as the page exposes it. */
export interface AutoRefreshToken {
  access: string;
  refresh?: string;
  grantType: string;
  requestedAt: number;
  expiresAt: number;
  mcpStatus: number;
}

export function autoRefreshUrl(origin: string, s: AutoRefreshSettings): string {
  const q = new URLSearchParams({ ttl: String(s.ttl), lead: String(s.lead), tokens: String(s.tokens) });
  if (s.resource) q.set('resource', '1');
  if (s.offline) q.set('offline', '1');
  if (s.format === 'json') q.set('format', 'json');
  if (s.kind) q.set('kind', s.kind);
  return `${origin}/app/auto-refresh?${q}`;
}

/** Waits until the auto-refresh page has received at least `count` access tokens (its `body[data-tokens]`), and returns them all. */
export async function waitForPageTokens(page: Page, count: number, timeout = 60_000): Promise<AutoRefreshToken[]> {
  await page.waitForFunction(
    (n) => Number(document.body?.dataset.tokens ?? 0) >= n || document.body?.dataset.state === 'failed',
    { timeout, polling: 100 },
    count,
  );
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state === 'failed') throw new Error(`The auto-refresh page failed: ${await page.$eval('#status', (e) => e.textContent)}`);
  return page.evaluate(() => (window as unknown as { autoRefresh: { tokens: AutoRefreshToken[] } }).autoRefresh.tokens);
}

/** Waits until the auto-refresh page has stopped (its last token received, `body[data-state="done"]`), and returns its tokens. */
export async function waitForPageDone(page: Page, timeout = 90_000): Promise<AutoRefreshToken[]> {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.body?.dataset.state ?? ''), { timeout, polling: 100 });
  return waitForPageTokens(page, 0);
}
