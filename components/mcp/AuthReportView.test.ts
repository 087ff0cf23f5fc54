import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuthReport } from '../../utils/mcp/authDiagnostics/types';
import { AuthReportView } from './AuthReportView';

const hostile = '<img src=x onerror=alert(1)>';
const report: AuthReport = {
  verdict: 'cannot-sign-in',
  verdictSentence: `A spec-following MCP client cannot sign in: ${hostile}`,
  exchanges: [],
  findings: [
    {
      check: 'challenge',
      result: 'pass',
      sentence: 'ok',
      evidence: [],
      spec: { name: 'RFC 6750 §3', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3' },
    },
    {
      check: 'pkce',
      result: 'fail',
      sentence: `The server says ${hostile}`,
      evidence: [{ label: 'code_challenge_methods_supported', value: hostile }],
      spec: { name: 'RFC 7636', url: 'https://www.rfc-editor.org/rfc/rfc7636' },
    },
  ],
};

describe('AuthReportView', () => {
  it('names every check with its result, and renders what the server said as text', () => {
    const html = renderToString(createElement(AuthReportView, { report, running: false, run: 3, copy: async () => true }));
    expect(html).toContain('data-verdict="cannot-sign-in"');
    expect(html).toContain('data-run="3"');
    expect(html).toContain('aria-busy="false"');
    expect(html).toMatch(/data-check="pkce" data-result="fail"/);
    expect(html).toMatch(/data-check="challenge" data-result="pass"/);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says it is busy while checking, before there is a report', () => {
    const html = renderToString(createElement(AuthReportView, { report: undefined, running: true, run: 0, copy: async () => true }));
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('data-verdict=""');
  });
});
