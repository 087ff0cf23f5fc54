// Takes the README picture: the real panel in Chromium DevTools after a sign-in and a tools test.
// Run: npm run screenshot (writes docs/panel.png).
import { startFullDemo } from '../test-support/demoServer';
import { autoRefreshUrl, demoPortal, waitForPageDone } from '../e2e/harness/demoPage';
import { clickInPanel, fillInPanel, openPanelOn } from '../e2e/harness/devtoolsPanel';

const demo = await startFullDemo();
const s = await openPanelOn(`${demo.url}/`);
try {
  await s.devtools
    .evaluate(async () => {
      // DevTools front-end internals, for the picture only: dock DevTools at the bottom so the panel is wide.
      const ui = await import(/* @vite-ignore */ './ui/legacy/legacy.js' as string);
      ui.DockController.DockController.instance().setDockSide('undocked');
    })
    .catch((e) => console.warn('could not re-dock DevTools:', String(e)));
  await s.devtools.setViewport({ width: 1400, height: 1000 });
  await demoPortal.signIn(s.page, 'opaque');
  await demoPortal.signIn(s.page, 'jwt');
  await demoPortal.listTools(s.page);
  await s.panel.waitForSelector('[data-testid="token-row"]');
  await s.panel.waitForFunction(
    (u) => document.querySelector<HTMLInputElement>('[data-testid="target-url"]')?.value === u,
    { polling: 100 },
    `${demo.url}/mcp`,
  );
  await clickInPanel(s.panel, '[data-testid="test-tools-now"]');
  await s.panel.waitForSelector('[data-testid="tool-row"]');
  await clickInPanel(s.panel, '[data-testid="tool-row"][data-tool-name="get_weather"]');
  await fillInPanel(s.panel, '[data-testid="tool-args"]', '{"city":"Amsterdam","units":"metric"}');
  await clickInPanel(s.panel, '[data-testid="tool-call"]');
  await s.panel.waitForSelector('[data-testid="tool-result"]');
  await s.devtools.screenshot({ path: process.argv[2] ?? 'docs/panel.png' });

  // The second picture: an auth report, for an endpoint whose authorization server lacks PKCE S256.
  await fillInPanel(s.panel, '[data-testid="target-url"]', `${demo.url}/auth-demo/no-s256/mcp`);
  await clickInPanel(s.panel, '[data-testid="check-auth"]');
  await s.panel.waitForSelector('[data-testid="auth-report"][aria-busy="false"][data-verdict]:not([data-verdict=""])');
  const report = await s.panel.$('[data-testid="auth-report"]');
  await report!.evaluate((e) => e.scrollIntoView());
  await report!.screenshot({ path: process.argv[3] ?? 'docs/auth-report.png' });

  // The third: the lifecycle view after the demo's own client refreshed its token three times.
  await s.page.goto(autoRefreshUrl(demo.url, { ttl: 8, lead: 3, tokens: 4, resource: true, offline: true }));
  await waitForPageDone(s.page);
  await clickInPanel(s.panel, '[data-testid="lifecycle-toggle"]');
  await s.panel.waitForSelector('[data-testid="lifecycle-view"] [data-testid="refresh-event"]');
  await s.panel.$eval('[data-testid="lifecycle-view"]', (e) => e.scrollIntoView());
  await s.devtools.screenshot({ path: process.argv[4] ?? 'docs/lifecycle.png' });
} finally {
  await s.close();
  await demo.close();
}
