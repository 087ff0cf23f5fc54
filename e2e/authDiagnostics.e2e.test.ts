import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { demoPortal } from './harness/demoPage';
import { clickInPanel, fillInPanel, useDemoWithPanel, waitForRow } from './harness/devtoolsPanel';

interface Finding {
  check: string;
  result: string;
  text: string;
}

/** Clicks "Check auth" and waits for a report newer than the one on screen. */
async function checkAuth(panel: Frame): Promise<{ verdict: string; findings: Finding[] }> {
  const previous = await panel.$eval('[data-testid="auth-report"]', (r) => (r as HTMLElement).dataset.run).catch(() => '');
  await clickInPanel(panel, '[data-testid="check-auth"]');
  await panel.waitForFunction(
    (old) => {
      const report = document.querySelector<HTMLElement>('[data-testid="auth-report"]');
      return report !== null && report.dataset.run !== old && report.getAttribute('aria-busy') === 'false';
    },
    { timeout: 30_000, polling: 50 },
    previous ?? '',
  );
  return panel.$eval('[data-testid="auth-report"]', (r) => ({
    verdict: (r as HTMLElement).dataset.verdict ?? '',
    findings: [...r.querySelectorAll<HTMLElement>('[data-testid="auth-finding"]')].map((f) => ({
      check: f.dataset.check ?? '',
      result: f.dataset.result ?? '',
      text: f.textContent ?? '',
    })),
  }));
}

const ALL_CHECKS = [
  'challenge',
  'resource-metadata',
  'resource-matches',
  'as-metadata',
  'pkce',
  'registration',
  'refresh',
  'cors',
  'token-audience',
  'clock-skew',
];

// Each demo endpoint breaks exactly one check (README, "Check auth").
const BROKEN: [path: string, check: string, verdict: string][] = [
  ['/auth-demo/no-resource-metadata/mcp', 'resource-metadata', 'can-refresh'],
  ['/auth-demo/redirect/mcp', 'challenge', 'cannot-sign-in'],
  ['/auth-demo/no-s256/mcp', 'pkce', 'cannot-sign-in'],
  ['/auth-demo/no-refresh/mcp', 'refresh', 'sign-in-only'],
  ['/auth-demo/wrong-resource/mcp', 'resource-matches', 'cannot-sign-in'],
  ['/auth-demo/cors-hides/mcp', 'cors', 'can-refresh'],
  ['/auth-demo/skewed-date/mcp', 'clock-skew', 'can-refresh'],
];

describe('Check auth, through the real panel', () => {
  const env = useDemoWithPanel();

  it('says a spec-following client can sign in to the demo portal and refresh, every check passing', async () => {
    await demoPortal.signIn(env.s.page, 'jwt');
    await waitForRow(env.s.panel, { source: 'authorization-header', kind: 'jwt' });
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/mcp`);
    const report = await checkAuth(env.s.panel);
    expect(report.findings.map((f) => f.check).sort()).toEqual([...ALL_CHECKS].sort());
    expect(
      report.findings.filter((f) => f.result !== 'pass'),
      report.findings.map((f) => `${f.check}: ${f.result} ${f.text}`).join('\n'),
    ).toEqual([]);
    expect(report.verdict).toBe('can-refresh');
  });

  for (const [path, check, verdict] of BROKEN) {
    it(`${path}: fails exactly its own check (${check})`, async () => {
      await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}${path}`);
      await clickInPanel(env.s.panel, '[data-testid="preset-worker"]');
      const report = await checkAuth(env.s.panel);
      const summary = report.findings.map((f) => `${f.check}: ${f.result} ${f.text}`).join('\n');
      const own = report.findings.find((f) => f.check === check);
      expect(own?.result, summary).toMatch(/fail|warn/);
      const others = report.findings.filter((f) => f.check !== check && !(f.result === 'pass' || (f.check === 'token-audience' && f.result === 'skip')));
      expect(others, summary).toEqual([]);
      expect(report.verdict, summary).toBe(verdict);
    });
  }

  it('keeps working afterwards: Test tools now still passes', async () => {
    await fillInPanel(env.s.panel, '[data-testid="target-url"]', `${env.demo.url}/worker/mcp`);
    await clickInPanel(env.s.panel, '[data-testid="test-tools-now"]');
    await env.s.panel.waitForSelector('[data-testid="test-report"][data-outcome="pass"]');
  });
});
