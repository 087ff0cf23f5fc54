import { describe, expect, it } from 'vitest';
import { signedJwt } from '../../test-support/tokens';
import type { AuthReport } from '../mcp/authDiagnostics/types';
import { buildLineages } from './lineage';
import { lifetimeStats } from './lifetimeStats';
import type { SessionReportInput } from './model';
import { sessionReportJson, sessionReportMarkdown } from './sessionReport';
import { testStats } from './testStats';
import { fp, ORIGIN, seconds, SimulatedPage, T0 } from './simulatedPage.test-helper';

const HOSTILE = 'nope | `rm -rf` **bold** [x](javascript:alert(1))\n<img src=x onerror=alert(1)> &amp; #';

/** A page that signs in, refreshes once, then fails a refresh; two test runs; one auth check. */
async function session(): Promise<{ input: SessionReportInput; secrets: string[] }> {
  const page = new SimulatedPage();
  const a1 = await signedJwt({ iss: ORIGIN, sub: 'alice', aud: `${ORIGIN}/mcp`, scope: 'read', iat: seconds(T0), exp: seconds(T0) + 300 });
  const a2 = await signedJwt({ iss: ORIGIN, sub: 'alice', aud: `${ORIGIN}/mcp`, scope: 'read write', iat: seconds(T0) + 270, exp: seconds(T0) + 270 + 120 });
  const id = await signedJwt({ iss: ORIGIN, sub: 'alice', aud: 'client-1', iat: seconds(T0), exp: seconds(T0) + 3600 });
  const r1 = 'rt.0123456789abcdefghijklmnop';
  const r2 = 'rt.qrstuvwxyz9876543210ZYXWVU';
  page.tokenRequest(
    T0,
    { grant_type: 'authorization_code', code: 'code-secret-1234567890', resource: `${ORIGIN}/mcp` },
    { access_token: a1, id_token: id, refresh_token: r1, expires_in: 300 },
  );
  page.use(a1, T0 + 1000);
  page.tokenRequest(
    T0 + 270_000,
    { grant_type: 'refresh_token', refresh_token: r1, resource: `${ORIGIN}/mcp` },
    { access_token: a2, refresh_token: r2, expires_in: 120 },
  );
  page.use(a2, T0 + 271_000);
  page.tokenRequest(T0 + 380_000, { grant_type: 'refresh_token', refresh_token: r1 }, { error: 'invalid_grant', error_description: HOSTILE }, { status: 400 });
  page.session.paste('pasted-secret-token-value-0000', T0);

  const now = T0 + 400_000;
  const lineages = buildLineages(page.rows, page.requests, now);
  const runs = [
    { at: T0 + 2000, origin: ORIGIN, outcome: 'pass' as const, tokenFingerprint: fp(a1), tokenSecondsLeft: 298, tokenAgeSeconds: 2 },
    {
      at: T0 + 399_000,
      origin: ORIGIN,
      outcome: 'fail' as const,
      errorKind: 'token-expired',
      tokenFingerprint: fp(a2),
      tokenSecondsLeft: -9,
      tokenAgeSeconds: 129,
    },
  ];
  const report: AuthReport = {
    verdict: 'can-refresh',
    verdictSentence: `Refresh works. ${HOSTILE}`,
    findings: [
      {
        check: 'token-audience',
        result: 'fail',
        sentence: HOSTILE,
        evidence: [{ label: 'Token aud', value: `${ORIGIN}/mcp | x` }],
        spec: { name: 'MCP', url: 'https://modelcontextprotocol.io' },
      },
    ],
    exchanges: [{ request: { method: 'GET', url: `${ORIGIN}/mcp`, headers: { authorization: `Bearer ${a1}` } } } as never],
  };
  return {
    input: { nowMs: now, lineages, lifetimeStats: lifetimeStats(lineages), testStats: [testStats(runs, ORIGIN)], auth: { url: `${ORIGIN}/mcp`, report } },
    secrets: [...page.rows.map((r) => r.value), a1, a2, id, r1, r2, 'code-secret-1234567890'],
  };
}

/** Fails on any 12-character run of any secret: no token survives in pieces either. */
function expectNoSecret(text: string, secrets: string[]) {
  for (const secret of secrets) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      const piece = secret.slice(i, i + 12);
      if (text.includes(piece)) throw new Error(`the report contains "${piece}" of a token`);
    }
  }
}

describe('session report', () => {
  it('holds lineages, refresh behaviour, statistics, test outcomes and auth results, by fingerprint', async () => {
    const { input } = await session();
    const md = sessionReportMarkdown(input);
    const json = JSON.parse(sessionReportJson(input));
    const access = input.lineages.find((l) => l.kind === 'access')!;
    for (const t of access.tokens) expect(md).toContain(`\`${t.fingerprint}\``);
    expect(md).toContain('#### access tokens: https://portal.example.com · alice (2 tokens)');
    expect(md).toContain('refreshes 30 s before expiry (1 of 1)');
    expect(md).toContain('lifetime shrank from 5 min to 2 min');
    expect(md).toContain('scope: added write');
    expect(md).toContain('#### https://portal.example.com: 1/2 passed');
    expect(md).toContain('Verdict: **can-refresh**');
    expect(json.lineages.map((l: { kind: string; tokens: unknown[] }) => [l.kind, l.tokens.length])).toEqual([
      ['access', 2],
      ['id', 1],
    ]);
    expect(json.lineages[0].refreshes.map((e: { leadSeconds: number }) => e.leadSeconds)).toEqual([30, 10]);
    expect(json.lineages[0].refreshes[1].error.code).toBe('invalid_grant');
    expect(json.lifetimeStats[0]).toMatchObject({ count: 2, minSeconds: 120, maxSeconds: 300, medianSeconds: 210 });
    expect(json.testStats[0]).toMatchObject({ runs: 2, passes: 1 });
    expect(json.auth.findings[0]).toMatchObject({ check: 'token-audience', result: 'fail' });
  });

  it('contains no piece of any token value, in Markdown or JSON', async () => {
    const { input, secrets } = await session();
    expectNoSecret(sessionReportMarkdown(input), secrets);
    expectNoSecret(sessionReportJson(input), secrets);
  });

  it('copies only the fields it names, so a token smuggled into the model stays out', async () => {
    const { input, secrets } = await session();
    const smuggled = structuredClone(input);
    for (const l of smuggled.lineages) for (const t of l.tokens) Object.assign(t, { value: secrets[0] });
    Object.assign(smuggled.lineages[0].tokens[0], { fingerprint: secrets[1] });
    expectNoSecret(sessionReportMarkdown(smuggled), secrets);
    expectNoSecret(sessionReportJson(smuggled), secrets);
  });

  it('escapes server text for Markdown: one line, no HTML, no table break-out', async () => {
    const { input } = await session();
    const md = sessionReportMarkdown(input);
    expect(md).not.toMatch(/<img/);
    expect(md).not.toContain('\n<');
    expect(md).toContain('\\[x\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('nope \\| \\`rm -rf\\` \\*\\*bold\\*\\*');
    // Every row of a table has as many unescaped cell separators as its header.
    const lines = md.split('\n');
    const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    lines.forEach((line, i) => {
      if (line.startsWith('| ---')) {
        const width = cells(lines[i - 1]);
        for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) expect(cells(lines[j]), lines[j]).toBe(width);
      }
    });
  });

  it('says so when there is nothing yet', () => {
    const md = sessionReportMarkdown({ nowMs: T0, lineages: [], lifetimeStats: [], testStats: [] });
    expect(md).toContain('No tokens captured.');
    expect(md).toContain('No runs.');
    expect(JSON.parse(sessionReportJson({ nowMs: T0, lineages: [], lifetimeStats: [], testStats: [] }))).toEqual({
      generatedAt: '2026-11-26T12:00:00Z',
      lineages: [],
      lifetimeStats: [],
      testStats: [],
    });
  });
});
