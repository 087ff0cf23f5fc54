import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../demo/portal';
import { startFullDemo } from '../test-support/demoServer';
import { signedJwt } from '../test-support/tokens';
import { tokenFingerprint } from '../utils/tokens/fingerprint';
import { demoPortal, type TokenResponse } from './harness/demoPage';
import { launchFirefoxWithDevtools, rowFor, tabIdOf, waitForCapture, type CapturedRow, type FirefoxWithDevtools } from './harness/firefoxDevtools';
import { NOT_TEXT_JSON_TYPE, startNotTextJsonTokenEndpoint } from './harness/firefoxTokenEndpoint';

const FIREFOX_BUILD = resolve(import.meta.dirname, '..', process.env.MCPTI_OUT_DIR ?? '.output', 'firefox-mv2');
const manifest = () => JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8'));

describe('the Firefox build', () => {
  it('declares what AMO requires and passes web-ext lint with 0 errors', async () => {
    const gecko = manifest().browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const { stdout } = await promisify(execFile)(
      resolve('node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_BUILD, '--self-hosted', '--output', 'json'],
      {
        maxBuffer: 10 * 1024 * 1024,
      },
    ).catch((e: { stdout: string }) => e);
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { message: string }) => e.message)).toEqual([]);
  });
});

describe('the add-on in headless Firefox with DevTools open', () => {
  let demo: DemoServer;
  let ff: FirefoxWithDevtools;
  let tabId: number;

  beforeAll(async () => {
    demo = await startFullDemo({ tokenTtlSeconds: 600 });
    // The toolbox opens on the Inspector, and the Network panel is never selected: capture must not depend on it.
    ff = await launchFirefoxWithDevtools(FIREFOX_BUILD, { 'devtools.toolbox.selectedTool': 'inspector' });
    await ff.inspected.goto(demo.url);
    tabId = await tabIdOf(ff.addonTab, demo.url);
  });
  afterAll(async () => {
    await ff?.browser.close();
    await demo?.close();
  });

  it('installs: the welcome tab it opens decodes a pasted token', async () => {
    expect(ff.addonId).toBe(manifest().browser_specific_settings.gecko.id);
    const page = ff.addonTab;
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.$eval('[data-testid="welcome"]', (e) => e.textContent)).toMatch(/MCP Tokens/);
    const jwt = await signedJwt({ sub: 'firefox-user', exp: Math.floor(Date.now() / 1000) + 3600 });
    await page.type('[data-testid="paste-input"]', `Bearer ${jwt}`);
    await page.click('[data-testid="paste-submit"]');
    const row = await page.waitForSelector(`[data-testid="token-row"][data-fingerprint="${tokenFingerprint(jwt)}"]`);
    expect(await row!.evaluate((r) => ({ ...(r as HTMLElement).dataset }))).toMatchObject({ kind: 'jwt', status: 'valid', sources: 'pasted' });
    expect(await page.$eval('[data-claim="sub"]', (e) => (e as HTMLElement).dataset.value)).toBe('"firefox-user"');
  });

  /** Signs in on the portal page and notes when, so an expires_in expiry can be checked to the second. */
  const signIn = async (kind: 'jwt' | 'opaque', ttl: number) => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await demoPortal.signIn(ff.inspected, kind, ttl);
    return { tokens, ttl, earliest: before + ttl, latest: Math.floor(Date.now() / 1000) + ttl };
  };
  const issuedRowsCaptured = (issued: { tokens: TokenResponse }[]) => (rows: CapturedRow[]) =>
    issued.every(({ tokens }) => rowFor(rows, tokens.access_token)?.issuedExpiresAt !== undefined && rowFor(rows, tokens.refresh_token) !== undefined);

  it('captures the bearer JWT, the CF_Authorization cookie, the opaque token with its expires_in expiry, and its refresh token', async () => {
    const jwt = await signIn('jwt', 600);
    const opaque = await signIn('opaque', 900);
    const cookieRow = (rows: CapturedRow[]) =>
      rows.find((r) => r.names.includes('CF_Authorization') && r.sources.some((s) => s === 'cookie' || s === 'set-cookie'));
    const rows = await waitForCapture(ff.addonTab, tabId, (rows) =>
      Boolean(rowFor(rows, jwt.tokens.access_token)?.sources.includes('authorization-header') && cookieRow(rows) && issuedRowsCaptured([opaque])(rows)),
    );

    expect(rowFor(rows, jwt.tokens.access_token)!.decoded.kind).toBe('jwt');
    const cookie = cookieRow(rows)!;
    expect(cookie.decoded.kind).toBe('jwt');
    expect(decodeJwt(cookie.value).aud).toEqual([demo.issuer.accessAud]);

    const access = rowFor(rows, opaque.tokens.access_token)!;
    expect(access).toMatchObject({ decoded: { kind: 'opaque' }, roles: ['access'] });
    expect(access.sources).toContain('token-response');
    expect(access.issuedExpiresAt).toBeGreaterThanOrEqual(opaque.earliest);
    expect(access.issuedExpiresAt).toBeLessThanOrEqual(opaque.latest);
    const refresh = rowFor(rows, opaque.tokens.refresh_token)!;
    expect(refresh).toMatchObject({ roles: ['refresh'], sources: ['token-response'] });
    expect(refresh.issuedExpiresAt).toBeUndefined();
  });

  it("keeps every new access token's own expiry and captures its refresh token over repeated sign-ins in the same tab", async () => {
    const issued = [];
    // A different lifetime each time, so a token given another sign-in's expiry cannot pass.
    for (let i = 0; i < 6; i++) issued.push(await signIn('opaque', 600 + 37 * i));
    const rows = await waitForCapture(ff.addonTab, tabId, issuedRowsCaptured(issued));

    for (const { tokens, earliest, latest } of issued) {
      const access = rowFor(rows, tokens.access_token)!;
      expect(access.sources).toContain('token-response');
      expect(access.issuedExpiresAt).toBeGreaterThanOrEqual(earliest);
      expect(access.issuedExpiresAt).toBeLessThanOrEqual(latest);
      expect(rowFor(rows, tokens.refresh_token)!.roles).toEqual(['refresh']);
    }
  });

  it(`reads token responses Firefox marks base64 (${NOT_TEXT_JSON_TYPE}: JSON it does not count as text), non-ASCII text included`, async () => {
    const endpoint = await startNotTextJsonTokenEndpoint(demo.url);
    try {
      // Firefox base64-encodes "é" as one byte; it cannot encode "€" that way and sends that text as it is.
      for (const [scope, ttl] of [
        ['mcp:tools café', 1234],
        ['mcp:tools €', 1300],
      ] as const) {
        const before = Math.floor(Date.now() / 1000);
        const tokens = await ff.inspected.evaluate(
          async (url) => (await fetch(url, { method: 'POST' })).json(),
          `${endpoint.tokenUrl}?ttl=${ttl}&scope=${encodeURIComponent(scope)}`,
        );
        const after = Math.floor(Date.now() / 1000);
        const rows = await waitForCapture(ff.addonTab, tabId, issuedRowsCaptured([{ tokens }]));
        const access = rowFor(rows, tokens.access_token)!;
        expect(access).toMatchObject({ sources: ['token-response'], scope });
        expect(access.issuedExpiresAt).toBeGreaterThanOrEqual(before + ttl);
        expect(access.issuedExpiresAt).toBeLessThanOrEqual(after + ttl);
        expect(rowFor(rows, tokens.refresh_token)!.roles).toEqual(['refresh']);
      }
    } finally {
      await endpoint.close();
    }
  });

  it('warns before a captured token expires: the devtools page schedules it, the background raises a notification and badges the inspected tab', async () => {
    // Headless Firefox has no notification centre: a notification is shown and closed at once, so
    // getAll() stays empty. Its shown/closed events still prove it was raised.
    await ff.addonTab.evaluate(async () => {
      const api = (globalThis as unknown as { browser: WarningApi }).browser;
      const raised: string[] = ((globalThis as unknown as { raised: string[] }).raised = []);
      api.notifications.onShown.addListener((id) => raised.push(id));
      api.notifications.onClosed.addListener((id) => raised.push(id));
      await api.storage.local.set({ settings: { thresholdsSeconds: [2], shareOfLifetime: 0, notificationsEnabled: true } });
    });
    const { tokens } = await signIn('opaque', 4);
    const fingerprint = tokenFingerprint(tokens.access_token);

    const warned = await ff.addonTab.evaluate(
      async (tabId, fingerprint) => {
        const api = (globalThis as unknown as { browser: WarningApi }).browser;
        const raised = (globalThis as unknown as { raised: string[] }).raised;
        const badges = new Set<string>();
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          badges.add(await api.browserAction.getBadgeText({ tabId }));
          if (badges.has('1') && raised.some((id) => id.includes(fingerprint))) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        return { raised, badges: [...badges] };
      },
      tabId,
      fingerprint,
    );
    expect(warned.raised.some((id) => id.includes(fingerprint))).toBe(true);
    expect(warned.badges).toContain('1');
  });
});

type WarningApi = {
  notifications: { onShown: { addListener(l: (id: string) => void): void }; onClosed: { addListener(l: (id: string) => void): void } };
  browserAction: { getBadgeText(d: object): Promise<string> };
  storage: { local: { set(v: object): Promise<void> } };
};
