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
