import type { Lineage, LineageToken, LifetimeStats, RefreshEvent, SessionReportInput, TestStats } from './model';
import { clip, durationWords } from './words';

/**
 * The session report for a bug report, as Markdown and as JSON. It is built field by field from the
 * lifecycle model (fingerprints, times, claim changes, outcomes) — never by copying objects whole —
 * so nothing the caller passes beyond those fields, a token value least of all, can reach it.
 * Server and page text is escaped for Markdown and cut to one short line.
 */

const MAX_TEXT = 300;

export function sessionReportMarkdown(input: SessionReportInput): string {
  const out: string[] = ['## MCP Token Inspector: session report', '', `Made ${iso(input.nowMs)}. Tokens appear as fingerprints only.`];

  out.push('', '### Token lineages');
  if (input.lineages.length === 0) out.push('', 'No tokens captured.');
  for (const lineage of input.lineages) out.push('', ...lineageMarkdown(lineage));

  out.push('', '### Lifetime statistics (access tokens)');
  if (input.lifetimeStats.length === 0) out.push('', 'No access tokens.');
  else {
    out.push('', '| issuer or origin | tokens | lifetime known | min | median | max | refreshes |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const s of input.lifetimeStats) {
      out.push(row([md(s.label), String(s.count), String(s.knownCount), dur(s.minSeconds), dur(s.medianSeconds), dur(s.maxSeconds), String(s.refreshEvents)]));
    }
  }

  out.push('', '### Test tools now');
  if (input.testStats.length === 0) out.push('', 'No runs.');
  for (const t of input.testStats) out.push('', ...testMarkdown(t));

  if (input.auth) {
    const { url, report } = input.auth;
    out.push('', `### Auth checks: ${md(url)}`, '', `Verdict: **${md(report.verdict)}**: ${md(report.verdictSentence)}`, '');
    for (const f of report.findings) {
      const evidence = f.evidence.map((e) => `${md(e.label)}: ${md(e.value)}`).join('; ');
      out.push(`- ${md(f.result)} · ${md(f.check)}: ${md(f.sentence)}${evidence ? ` (${evidence})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

export function sessionReportJson(input: SessionReportInput): string {
  const report = {
    generatedAt: iso(input.nowMs),
    lineages: input.lineages.map(lineageJson),
    lifetimeStats: input.lifetimeStats.map(statsJson),
    testStats: input.testStats.map(testJson),
    ...(input.auth
      ? {
          auth: {
            url: text(input.auth.url),
            verdict: text(input.auth.report.verdict),
            verdictSentence: text(input.auth.report.verdictSentence),
            findings: input.auth.report.findings.map((f) => ({
              check: text(f.check),
              result: text(f.result),
              sentence: text(f.sentence),
              evidence: f.evidence.map((e) => ({ label: text(e.label), value: text(e.value) })),
            })),
          },
        }
      : {}),
  };
  return JSON.stringify(report, null, 2);
}

function lineageMarkdown(l: Lineage): string[] {
  const out = [`#### ${l.kind} tokens: ${md(l.label)} (${l.tokens.length} ${l.tokens.length === 1 ? 'token' : 'tokens'})`, ''];
  out.push(`- Origin: ${md(l.origin)}${l.endpoint ? `; token endpoint: ${md(l.endpoint)}` : ''}`);
  if (l.refreshSummary.sentences.length > 0) out.push(`- Refresh behaviour: ${l.refreshSummary.sentences.map(md).join('; ')}`);
  if (l.refreshTokens.length > 0) out.push(`- Refresh tokens: ${l.refreshTokens.map((r) => fp(r.fingerprint)).join(', ')}`);
  for (const g of l.gaps) out.push(`- No valid token ${iso(g.fromMs)} to ${g.open ? 'now' : iso(g.toMs)} (${durationWords((g.toMs - g.fromMs) / 1000)})`);
  for (const s of l.lifetimeShrank) out.push(`- Lifetime shrank from ${durationWords(s.fromSeconds)} to ${durationWords(s.toSeconds)} at ${fp(s.fingerprint)}`);
  out.push('', '| # | fingerprint | first seen | issued | expires | lifetime | changes from the previous |', '| --- | --- | --- | --- | --- | --- | --- |');
  l.tokens.forEach((t, i) =>
    out.push(row([String(i + 1), fp(t.fingerprint), iso(t.firstSeenMs), isoOr(t.issuedAtMs), isoOr(t.expiresAtMs), dur(t.lifetimeSeconds), changesCell(t)])),
  );
  if (l.refreshes.length > 0) {
    out.push('', '| token request | grant | replaced → new | lead before expiry | refresh token rotated | resource | offline_access | outcome |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const e of l.refreshes) out.push(row(refreshCells(e)));
  }
  return out;
}

function changesCell(t: LineageToken): string {
  const parts = t.changes.map((c) => md(c.words));
  if (t.clockNote) parts.push(md(t.clockNote));
  return parts.join('; ') || '–';
}

function refreshCells(e: RefreshEvent): string[] {
  return [
    iso(e.at),
    md(e.grantType),
    `${e.replacedFingerprint ? fp(e.replacedFingerprint) : '–'} → ${e.newFingerprint ? fp(e.newFingerprint) : '–'}`,
    e.leadSeconds === undefined ? 'unknown' : e.leadSeconds > 0 ? durationWords(e.leadSeconds) : `${durationWords(e.leadSeconds)} after expiry`,
    e.refreshRotated === undefined ? 'unknown' : e.refreshRotated ? 'yes' : 'no',
    e.resourceSent ? e.resources.map(md).join(', ') : 'not sent',
    e.offlineAccessRequested ? 'asked' : 'no',
    e.error ? `${md(e.error.code)}: ${md(e.error.words)}${e.error.description ? ` (server: ${md(e.error.description)})` : ''}` : `HTTP ${e.status}`,
  ];
}

function testMarkdown(t: TestStats): string[] {
  const out = [`#### ${md(t.origin)}: ${t.passes}/${t.runs} passed`, ''];
  if (t.ageWords) out.push(`- By token age: ${md(t.ageWords)}`);
  if (t.timeLeftWords) out.push(`- By time left: ${md(t.timeLeftWords)}`);
  if (t.failures.length > 0) out.push(`- Failures: ${t.failures.map((f) => `${md(f.kind)} × ${f.count}`).join(', ')}`);
  return out;
}

function lineageJson(l: Lineage) {
  return {
    key: text(l.key),
    label: text(l.label),
    kind: l.kind,
    origin: text(l.origin),
    ...(l.issuer !== undefined ? { issuer: text(l.issuer) } : {}),
    ...(l.endpoint !== undefined ? { endpoint: text(l.endpoint) } : {}),
    tokens: l.tokens.map((t) => ({
      fingerprint: fpText(t.fingerprint),
      firstSeen: iso(t.firstSeenMs),
      lastSeen: iso(t.lastSeenMs),
      ...(t.issuedAtMs !== undefined ? { issuedAt: iso(t.issuedAtMs) } : {}),
      ...(t.expiresAtMs !== undefined ? { expiresAt: iso(t.expiresAtMs) } : {}),
      ...(t.lifetimeSeconds !== undefined ? { lifetimeSeconds: t.lifetimeSeconds } : {}),
      ...(t.replacedBy ? { replacedBy: fpText(t.replacedBy.fingerprint) } : {}),
      changes: t.changes.map((c) => text(c.words)),
      ...(t.clockNote ? { clockNote: text(t.clockNote) } : {}),
    })),
    refreshTokens: l.refreshTokens.map((r) => fpText(r.fingerprint)),
    refreshes: l.refreshes.map((e) => ({
      at: iso(e.at),
      grantType: text(e.grantType),
      endpoint: text(e.endpoint),
      ...(e.replacedFingerprint ? { replaced: fpText(e.replacedFingerprint) } : {}),
      ...(e.newFingerprint ? { issued: fpText(e.newFingerprint) } : {}),
      ...(e.leadSeconds !== undefined ? { leadSeconds: e.leadSeconds } : {}),
      ...(e.refreshRotated !== undefined ? { refreshRotated: e.refreshRotated } : {}),
      resources: e.resources.map(text),
      offlineAccessRequested: e.offlineAccessRequested,
      status: e.status,
      ...(e.error
        ? { error: { code: text(e.error.code), words: text(e.error.words), ...(e.error.description ? { description: text(e.error.description) } : {}) } }
        : {}),
    })),
    gaps: l.gaps.map((g) => ({ from: iso(g.fromMs), to: iso(g.toMs), ...(g.open ? { open: true } : {}) })),
    refreshBehaviour: l.refreshSummary.sentences.map(text),
  };
}

function statsJson(s: LifetimeStats) {
  return {
    key: text(s.key),
    label: text(s.label),
    count: s.count,
    knownCount: s.knownCount,
    ...(s.minSeconds !== undefined ? { minSeconds: s.minSeconds, medianSeconds: s.medianSeconds, maxSeconds: s.maxSeconds } : {}),
    refreshEvents: s.refreshEvents,
    lifetimes: [...s.lifetimes],
  };
}

function testJson(t: TestStats) {
  return {
    origin: text(t.origin),
    runs: t.runs,
    passes: t.passes,
    byAge: t.byAge.map((b) => ({ label: b.label, runs: b.runs, passes: b.passes })),
    byTimeLeft: t.byTimeLeft.map((b) => ({ label: b.label, runs: b.runs, passes: b.passes })),
    failures: t.failures.map((f) => ({ kind: text(f.kind), count: f.count })),
  };
}

/** A fingerprint is 12 hex digits; anything else passed as one is replaced, not copied. */
function fpText(s: string): string {
  return /^[0-9a-f]{1,16}$/.test(s) ? s : 'not-a-fingerprint';
}

function fp(s: string): string {
  return `\`${fpText(s)}\``;
}

function text(s: unknown): string {
  return typeof s === 'string' ? clip(s, MAX_TEXT) : '';
}

/** Markdown-safe inline text: one line, HTML neutralised, Markdown punctuation escaped (table pipes included). */
export function md(s: unknown): string {
  return (
    text(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Brackets cover links and images; parentheses alone are plain text, so they stay readable.
      .replace(/[\\`*_[\]#|~]/g, '\\$&')
  );
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'unknown' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isoOr(ms: number | undefined): string {
  return ms === undefined ? 'unknown' : iso(ms);
}

function dur(seconds: number | undefined): string {
  return seconds === undefined ? 'unknown' : durationWords(seconds);
}
