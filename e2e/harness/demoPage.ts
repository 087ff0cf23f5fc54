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
