import { base64url } from 'jose';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeToken } from '../utils/tokens/decodeToken';
import { TokenLedger } from '../utils/capture/tokenLedger';
import { ClaimsTable } from './ClaimsTable';
import { TokenDetail } from './TokenDetail';

// Claims whose names are members of Object.prototype: a page controls claim names.
const HOSTILE_CLAIMS = '{"__proto__":"p-value","constructor":"c-value","toString":"t-value","hasOwnProperty":"h-value","valueOf":{"x":1},"sub":"user-1"}';
const part = (text: string) => base64url.encode(text);
const token = `${part('{"alg":"HS256"}')}.${part(HOSTILE_CLAIMS)}.c2ln`;
const NOW = Date.parse('2026-11-26T12:00:00Z');

/** React reports bad children (an object or a function rendered as text) with console.error; those are bugs here. */
function renderQuietly(element: ReturnType<typeof createElement>): string {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const html = renderToStaticMarkup(element);
  expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
  return html;
}

afterEach(() => vi.restoreAllMocks());

describe('claim names that are Object.prototype members', () => {
  it('render in the claims table like any other claim, with their values and no borrowed description', () => {
    const html = renderQuietly(createElement(ClaimsTable, { claims: JSON.parse(HOSTILE_CLAIMS), nowMs: NOW }));
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'sub']) expect(html).toContain(`data-claim="${name}"`);
    for (const value of ['p-value', 'c-value', 't-value', 'h-value', '{&quot;x&quot;:1}']) expect(html).toContain(value);
    expect(html).toContain('the user or client the token is about');
    expect(html).not.toMatch(/\[object Object\]|function|native code/);
  });

  it('render in the token detail pane of a captured token', () => {
    const [row] = new TokenLedger().record([{ value: token, source: 'pasted', name: 'pasted', origin: 'pasted', at: NOW }]);
    const html = renderQuietly(
      createElement(TokenDetail, {
        row,
        nowMs: NOW,
        warningWindowSeconds: 300,
        revealed: false,
        onToggleReveal() {},
        copy: async () => true,
        onVerifySignature() {},
      }),
    );
    expect(html).toContain('data-claim="__proto__"');
    expect(html).toContain('p-value');
  });

  it('render in the detail pane after the trip from the capture page (JSON) and back', () => {
    const decoded = JSON.parse(JSON.stringify(decodeToken(token)));
    const html = renderQuietly(createElement(ClaimsTable, { claims: decoded.payload.claims, nowMs: NOW }));
    expect(html).toContain('data-claim="__proto__"');
  });
});
