import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { startFullDemo } from '../test-support/demoServer';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { demoPortal } from './harness/demoPage';
import { clickInPanel, fillInPanel, grantHostAccess, openPanelOn, testToolsNow, useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';

const DEMO_TOOLS = [
  'get_sections',
  'add',
  'get_weather',
  'always_fails',
  'get_logo',
  'get_docs',
  'delete_section',
  'prepare_report',
  'publish_with_confirmation',
];

const toolNames = (panel: Frame) => panel.$$eval('[data-testid="tool-row"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.toolName));

describe('Test tools now, through the real panel', () => {
  const env = useDemoWithPanel({ tokenTtlSeconds: 600 });

  it('pre-fills the target from traffic and passes with the token the page sent, listing every tool', async () => {
    const tokens = await demoPortal.signIn(env.s.page, 'jwt');
    await demoPortal.listTools(env.s.page);
    await env.s.panel.waitForFunction(
      (u) => document.querySelector<HTMLInputElement>('[data-testid="target-url"]')?.value === u,
      { polling: 100 },
      `${env.demo.url}/mcp`,
    );
    await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.access_token), source: 'authorization-header' });

    const report = await testToolsNow(env.s.panel);
    expect(report).toMatchObject({ outcome: 'pass', transport: 'streamable-http' });
    expect(report.headline).toMatch(/demo-portal-mcp.*9 tools/);
    expect(await toolNames(env.s.panel)).toEqual(DEMO_TOOLS);
    expect(await env.s.panel.$eval('[data-testid="report-token"]', (e) => e.textContent)).toContain(tokenFingerprint(tokens.access_token));

    // Copy buttons work inside a DevTools panel (the async Clipboard API is often refused there).
    await clickInPanel(env.s.panel, '[data-testid="copy-connector"]');
    await env.s.panel.waitForFunction(() => document.querySelector('[data-testid="copy-connector"]')?.textContent === 'Copied', { polling: 50, timeout: 5000 });
  });

  it('calls add with {"a":2,"b":3} and shows 5', async () => {
    await clickInPanel(env.s.panel, '[data-testid="tool-row"][data-tool-name="add"]');
    await fillInPanel(env.s.panel, '[data-testid="tool-args"]', '{"a":2,"b":3}');
    await clickInPanel(env.s.panel, '[data-testid="tool-call"]');
    const result = await env.s.panel.waitForSelector('[data-testid="tool-result"]');
    expect(await result!.evaluate((r) => (r as HTMLElement).dataset.isError)).toBe('false');
    expect(await result!.evaluate((r) => r.textContent)).toContain('5');
  });

  it('refuses arguments that break the input schema before sending, and shows isError results as errors', async () => {
    await fillInPanel(env.s.panel, '[data-testid="tool-args"]', '{"a":"two"}');
    await clickInPanel(env.s.panel, '[data-testid="tool-call"]');
    expect(await env.s.panel.waitForSelector('[data-testid="tool-args-error"]').then((e) => e!.evaluate((n) => n.textContent))).toMatch(/b is required/);

    await clickInPanel(env.s.panel, '[data-testid="tool-row"][data-tool-name="always_fails"]');
    await clickInPanel(env.s.panel, '[data-testid="tool-call"]');
    await env.s.panel.waitForSelector('[data-testid="tool-result"][data-is-error="true"]');
  });

  it('passes with the CF_Authorization cookie picked by hand: it goes out as cf-access-token', async () => {
    const cookieRow = await waitForRow(env.s.panel, { source: 'cookie', kind: 'jwt' });
    await env.s.panel.select('[data-testid="auth-token"]', `token:${cookieRow.fingerprint}`);
    const report = await testToolsNow(env.s.panel);
    expect(report, report.headline).toMatchObject({ outcome: 'pass' });
    expect(await env.s.panel.$eval('[data-testid="report-token"]', (e) => e.textContent)).toContain(`${cookieRow.fingerprint}`);
    expect(await env.s.panel.$eval('[data-testid="report-token"]', (e) => e.textContent)).toContain('sent as cf-access-token');
  });

  it('passes against the worker endpoint with no token', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/worker/mcp`);
    await clickInPanel(env.s.panel, '[data-testid="preset-worker"]');
    const report = await testToolsNow(env.s.panel);
    expect(report).toMatchObject({ outcome: 'pass' });
    expect(report.headline).toContain('demo-worker');
    expect(await env.s.panel.$eval('[data-testid="report-token"]', (e) => e.textContent)).toBe('none sent');
  });

  it('passes over legacy SSE at /sse', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/sse`);
    await clickInPanel(env.s.panel, '[data-testid="preset-portal"]');
    const report = await testToolsNow(env.s.panel);
    expect(report, report.headline).toMatchObject({ outcome: 'pass', transport: 'sse' });
    expect(await toolNames(env.s.panel)).toEqual(DEMO_TOOLS);
  });

  it('says not-mcp for an HTML login page', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/login-wall/mcp`);
    const report = await testToolsNow(env.s.panel);
    expect(report).toMatchObject({ outcome: 'fail', errorKind: 'not-mcp' });
    expect(report.headline).toMatch(/login page/);
  });

  it('cancels a slow test with the Cancel button and says so', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/hang/mcp`);
    await clickInPanel(env.s.panel, '[data-testid="test-tools-now"]');
    await clickInPanel(env.s.panel, '[data-testid="test-cancel"]');
    await env.s.panel.waitForSelector('[data-testid="test-cancelled"]');
    expect(await env.s.panel.$('[data-testid="test-progress"]')).toBeNull();
  });

  it('says timeout for a server that never answers, and the next test works', async () => {
    await fillInPanel(env.s.panel, '[data-testid="timeout-seconds"]', '1');
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/hang/mcp`);
    expect(await testToolsNow(env.s.panel)).toMatchObject({ outcome: 'fail', errorKind: 'timeout' });
    await fillInPanel(env.s.panel, '[data-testid="timeout-seconds"]', '10');
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/mcp`);
    expect(await testToolsNow(env.s.panel)).toMatchObject({ outcome: 'pass' });
  });

  it('reaches a local server without CORS headers at once (localhost and 127.0.0.1 are granted at install)', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/nocors/mcp`);
    await clickInPanel(env.s.panel, '[data-testid="preset-worker"]');
    expect(await testToolsNow(env.s.panel)).toMatchObject({ outcome: 'pass' });
  });

  it('says not-mcp when the server redirects to a login page on another origin', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/access-redirect/mcp`);
    const report = await testToolsNow(env.s.panel);
    expect(report, report.headline).toMatchObject({ outcome: 'fail', errorKind: 'not-mcp' });
    expect(report.headline).toMatch(/redirect/);
  });

  it('reaches another server without CORS headers once the user allows the extension access to it', async () => {
    // 127.0.0.2 is loopback too, but not covered by the install-time grant: like any remote server.
    const remote = await startFullDemo({ host: '127.0.0.2' });
    try {
      await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${remote.url}/nocors/mcp`);
      await clickInPanel(env.s.panel, '[data-testid="preset-worker"]');
      const blocked = await testToolsNow(env.s.panel);
      expect(blocked).toMatchObject({ outcome: 'fail', errorKind: 'network' });
      expect(blocked.headline).toMatch(/CORS/);
      expect(await env.s.panel.$('[data-testid="grant-host-access"]')).not.toBeNull();
      // The user allows the site (Site access), then presses the panel's button: permissions.request
      // resolves at once for a site already allowed, and the panel tests again by itself.
      await grantHostAccess(env.s, 'http://127.0.0.2/*');
      await clickInPanel(env.s.panel, '[data-testid="grant-host-access"]');
      await env.s.panel.waitForSelector('[data-testid="test-report"][data-outcome="pass"]', { timeout: 15_000 });
    } finally {
      await remote.close();
    }
  });

  it("says token-expired, naming when, once the page's token has expired", async () => {
    // A fresh panel and a 2-second token, so the only token for this origin is the short-lived one.
    const fresh = await openPanelOn(`${env.demo.url}/`);
    try {
      const tokens = await demoPortal.signIn(fresh.page, 'jwt', 2);
      const fp = tokenFingerprint(tokens.access_token);
      await waitForRow(fresh.panel, { fingerprint: fp, source: 'authorization-header' });
      await fillInPanel(fresh.panel, '[data-testid="target-url"]', `${env.demo.url}/mcp`);
      // Wait for the panel itself to call it expired: an event, not a sleep.
      await fresh.panel.waitForSelector(`[data-testid="token-row"][data-fingerprint="${fp}"][data-status="expired"]`, { timeout: 10_000 });
      const report = await testToolsNow(fresh.panel);
      expect(report).toMatchObject({ outcome: 'fail', errorKind: 'token-expired' });
      expect(report.headline).toMatch(/expired \d+ s ago .*sign in to the portal again/);
      expect(await fresh.panel.$eval('[data-testid="www-authenticate"]', (e) => e.textContent)).toMatch(/invalid_token/);
    } finally {
      await fresh.close();
    }
  });

  describe('the MCP tester loads apart from the first paint', () => {
    it('passes on the very first click right after the panel opens', async () => {
      const demo = await startFullDemo();
      const s = await openPanelOn(`${demo.url}/`);
      try {
        await demoPortal.signIn(s.page, 'jwt');
        await waitForRow(s.panel, { source: 'authorization-header' });
        await demoPortal.listTools(s.page);
        // No wait for anything but what a user sees: the button, and the endpoint filled in from the traffic.
        await s.panel.waitForFunction(() => (document.querySelector('[data-testid="target-url"]') as HTMLInputElement | null)?.value.endsWith('/mcp'), {
          polling: 20,
        });
        const report = await testToolsNow(s.panel);
        expect(report, report.headline).toMatchObject({ outcome: 'pass' });
      } finally {
        await s.close();
        await demo.close();
      }
    });
  });
});
