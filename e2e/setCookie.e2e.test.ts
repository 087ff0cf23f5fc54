import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useDemoWithPanel } from './harness/devtoolsPanel';

const setCookieRows = (panel: Frame) =>
  panel.$$eval('[data-testid="token-row"]', (rows) => rows.filter((r) => ((r as HTMLElement).dataset.sources ?? '').split(' ').includes('set-cookie')).length);

/** Runs `act` 10 times; counts the runs after which a new set-cookie row appeared. */
async function capturedOutOf10(panel: Frame, act: () => Promise<unknown>): Promise<number> {
  let captured = 0;
  for (let i = 0; i < 10; i++) {
    const before = await setCookieRows(panel);
    await act();
    const appeared = await panel
      .waitForFunction(
        (n) =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="token-row"]')].filter((r) => (r.dataset.sources ?? '').split(' ').includes('set-cookie'))
            .length > n,
        { timeout: 5000, polling: 50 },
        before,
      )
      .then(() => true)
      .catch(() => false);
    if (appeared) captured += 1;
  }
  return captured;
}

describe('a token cookie that only ever appears in a Set-Cookie header (HttpOnly, never sent back)', () => {
  const env = useDemoWithPanel();

  it('is captured on every run when a fetch response sets it: 10 of 10', async () => {
    const login = () => env.s.page.evaluate(() => (window as unknown as { demoPortal: { accessLogin(): Promise<number> } }).demoPortal.accessLogin());
    expect(await capturedOutOf10(env.s.panel, login)).toBe(10);
  });

  it('is captured on every run when a redirect back to the app sets it: 10 of 10', async () => {
    expect(await capturedOutOf10(env.s.panel, () => env.s.page.goto(`${env.demo.url}/cdn-cgi/access/authorized`))).toBe(10);
  });
});
