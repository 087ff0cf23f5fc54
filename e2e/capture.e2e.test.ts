import { mkdirSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { demoPortal } from './harness/demoPage';
import { clickInPanel, fillInPanel, openDevToolsPanel, tokenRows, useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';
import { tokenFingerprint } from '../utils/tokens/fingerprint';

describe('the MCP Tokens panel in real Chromium DevTools', () => {
  const env = useDemoWithPanel({ tokenTtlSeconds: 600 });

  it('captures the JWT access token from the token response and the Authorization header, with its exp', async () => {
    const tokens = await demoPortal.signIn(env.s.page, 'jwt');
    const exp = decodeJwt(tokens.access_token).exp!;
    const row = await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.access_token), source: 'authorization-header' });
    expect(row.kind).toBe('jwt');
    expect(row.expiresAt).toBe(String(exp));
    expect(row.status).toBe('valid');
    await waitForRow(env.s.panel, { fingerprint: row.fingerprint, source: 'token-response' });
  });

  it('shows the CF_Authorization cookie JWT with source cookie', async () => {
    // Only the request cookie is asserted: Chrome attaches Set-Cookie to a HAR entry only when its
    // "extra info" event beat the request's end, which varies run to run (unit tests cover set-cookie).
    const row = await waitForRow(env.s.panel, { source: 'cookie', kind: 'jwt' });
    expect(Number(row.expiresAt) - Date.now() / 1000).toBeGreaterThan(23 * 3600);
  });

  it('gives the opaque token the expiry of the expires_in that issued it, survives the callback URL cleanup, and says the refresh token expiry is unknown', async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await demoPortal.signIn(env.s.page, 'opaque', 900);
    const after = Math.ceil(Date.now() / 1000);
    const row = await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.access_token), source: 'token-response' });
    expect(row.kind).toBe('opaque');
    expect(Number(row.expiresAt)).toBeGreaterThanOrEqual(before + 900);
    expect(Number(row.expiresAt)).toBeLessThanOrEqual(after + 900);
    const refresh = await waitForRow(env.s.panel, { fingerprint: tokenFingerprint(tokens.refresh_token!) });
    expect(refresh).toMatchObject({ kind: 'opaque', status: 'unknown', expiresAt: '' });
  });

  it('decodes the selected JWT: header, claims, and a countdown that ticks down', async () => {
    const tokens = await demoPortal.signIn(env.s.page, 'jwt', 120);
    const fp = tokenFingerprint(tokens.access_token);
    await waitForRow(env.s.panel, { fingerprint: fp });
    await clickInPanel(env.s.panel, `[data-testid="token-row"][data-fingerprint="${fp}"]`);
    await env.s.panel.waitForSelector(`[data-testid="token-detail"][data-fingerprint="${fp}"]`);
    const header = JSON.parse(await env.s.panel.$eval('[data-testid="jose-header"]', (e) => e.textContent ?? ''));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(await env.s.panel.$eval('[data-claim="sub"]', (e) => (e as HTMLElement).dataset.value)).toBe('"demo"');
    expect(await env.s.panel.$eval('[data-claim="exp"]', (e) => (e as HTMLElement).dataset.value)).toBe(String(decodeJwt(tokens.access_token).exp));
    // 120 s lifetime inside the default 5-minute window: the banner warns.
    expect(await env.s.panel.$eval('[data-testid="expiry-banner"]', (e) => (e as HTMLElement).dataset.status)).toBe('expiring');

    const first = Number(await env.s.panel.$eval('[data-testid="countdown"]', (e) => (e as HTMLElement).dataset.remainingSeconds));
    expect(first).toBeGreaterThan(100);
    expect(first).toBeLessThanOrEqual(120);
    await env.s.panel.waitForFunction(
      (v) => Number(document.querySelector<HTMLElement>('[data-testid="countdown"]')?.dataset.remainingSeconds) < v,
      { timeout: 5000, polling: 100 },
      first,
    );
  });

  it("verifies the selected JWT's signature against the issuer's key set, and explains a URL that is no key set", async () => {
    const suggested = await env.s.panel.$eval('[data-testid="jwks-url"]', (e) => (e as HTMLInputElement).value);
    expect(suggested).toBe(`${env.demo.url}/.well-known/jwks.json`);
    await clickInPanel(env.s.panel, '[data-testid="verify-signature"]');
    const valid = await env.s.panel.waitForSelector('[data-testid="signature-result"][data-state="valid"]');
    expect(await valid!.evaluate((e) => e.textContent)).toMatch(/signed with RS256 by key demo-/);

    await fillInPanel(env.s.panel, '[data-testid="jwks-url"]', `${env.demo.url}/`);
    await clickInPanel(env.s.panel, '[data-testid="verify-signature"]');
    const error = await env.s.panel.waitForSelector('[data-testid="signature-result"][data-state="error"]');
    expect(await error!.evaluate((e) => e.textContent)).toMatch(/HTML page/);
  });

  it('masks the token until Reveal is pressed', async () => {
    const value = await env.s.panel.$eval('[data-testid="token-value"]', (e) => e.textContent ?? '');
    expect(value).toContain('…');
    await clickInPanel(env.s.panel, '[data-testid="reveal-toggle"]');
    await env.s.panel.waitForSelector('[data-testid="token-value"][data-revealed="true"]');
    const revealed = await env.s.panel.$eval('[data-testid="token-value"]', (e) => e.textContent ?? '');
    expect(revealed.split('.')).toHaveLength(3);
    await clickInPanel(env.s.panel, '[data-testid="reveal-toggle"]');
  });

  it('refuses a malformed pasted token with a reason, keeps working, then adds a good one', async () => {
    await fillInPanel(env.s.panel, '[data-testid="paste-input"]', 'eyJhbGciOiJIUzI1NiJ9.%%%not-base64%%%.sig');
    await clickInPanel(env.s.panel, '[data-testid="paste-submit"]');
    const reason = await env.s.panel.waitForSelector('[data-testid="paste-error"]').then((e) => e!.evaluate((n) => n.textContent ?? ''));
    expect(reason).toMatch(/payload \(part 2\)/);

    await fillInPanel(env.s.panel, '[data-testid="paste-input"]', 'Authorization: Bearer pasted-opaque-token-123');
    await clickInPanel(env.s.panel, '[data-testid="paste-submit"]');
    const row = await waitForRow(env.s.panel, { fingerprint: tokenFingerprint('pasted-opaque-token-123') });
    expect(row.sources).toEqual(['pasted']);
    expect(await env.s.panel.$('[data-testid="paste-error"]')).toBeNull();
  });

  it('keeps every row when the page reloads', async () => {
    const before = (await tokenRows(env.s.panel)).map((r) => r.fingerprint).sort();
    expect(before.length).toBeGreaterThanOrEqual(5);
    const navigatedBefore = await env.s.panel.$eval('[data-testid="capture-stats"]', (e) => (e as HTMLElement).dataset.lastNavigationAt ?? '');
    await env.s.page.reload();
    await env.s.panel.waitForFunction(
      (b) => (document.querySelector<HTMLElement>('[data-testid="capture-stats"]')?.dataset.lastNavigationAt ?? '') !== b,
      { polling: 100 },
      navigatedBefore,
    );
    expect((await tokenRows(env.s.panel)).map((r) => r.fingerprint).sort()).toEqual(before);
  });

  it('keeps the tokens when DevTools is closed and opened again (storage.session, not disk)', async () => {
    const before = (await tokenRows(env.s.panel)).map((r) => r.fingerprint).sort();
    await env.s.devtools.close();
    const reopened = await openDevToolsPanel(env.s.page, env.s.extensionId);
    env.s.devtools = reopened.devtools;
    env.s.panel = reopened.panel;
    // Wait for the restored list; if it never matches, the assertion below shows which rows differ.
    await env.s.panel
      .waitForFunction((n) => document.querySelectorAll('[data-testid="token-row"]').length === n, { polling: 100, timeout: 10_000 }, before.length)
      .catch(() => {});
    expect((await tokenRows(env.s.panel)).map((r) => r.fingerprint).sort()).toEqual(before);
  });

  it('writes no token to storage.local', async () => {
    const values = await env.s.panel.$$eval('[data-testid="token-row"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.fingerprint));
    expect(values.length).toBeGreaterThan(0);
    const ext = await env.s.browser.newPage();
    await ext.goto(`chrome-extension://${env.s.extensionId}/devtools-panel.html`);
    const local = await ext.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get(null)),
    );
    await ext.close();
    expect(local).not.toMatch(/eyJ|oauth:|pasted-opaque/);
  });

  it('empties the list on Clear', async () => {
    mkdirSync('.output/screenshots', { recursive: true });
    await env.s.devtools.setViewport({ width: 1280, height: 800 });
    await env.s.devtools.screenshot({ path: '.output/screenshots/panel.png' });
    await clickInPanel(env.s.panel, '[data-testid="clear-tokens"]');
    await env.s.panel.waitForSelector('[data-testid="empty-list"]');
    expect(await tokenRows(env.s.panel)).toEqual([]);
  });
});
