import { clip, describeAttempt, type ProbeResult } from './probe';
import { SPEC } from './specs';
import type { AuthFinding, Evidence } from './types';

/** An origin that is surely not the server's, sent as the would-be browser client. */
export const FOREIGN_ORIGIN = 'https://mcp-token-inspector.invalid';
export const PREFLIGHT_HEADERS = ['authorization', 'content-type', 'mcp-session-id', 'mcp-protocol-version'];
const EXPOSED_HEADERS = ['www-authenticate', 'mcp-session-id'];

const list = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

function allowsOrigin(headers: Headers, origin: string): boolean {
  const allowed = headers.get('access-control-allow-origin')?.trim();
  return allowed === '*' || allowed === origin;
}

/**
 * Could a browser-based client talk to this server? Judged from headers only: the preflight for an
 * authorized POST, and the CORS headers on the 401 answer to a real POST.
 */
export function judgeCors(preflight: ProbeResult, actual: ProbeResult, origin = FOREIGN_ORIGIN): AuthFinding {
  const h = preflight.headers;
  const evidence: Evidence[] = [{ label: 'Preflight (OPTIONS)', value: `${preflight.url} → ${describeAttempt(preflight)}` }];
  for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-allow-credentials']) {
    const value = h.get(name);
    if (value !== null) evidence.push({ label: name, value: clip(value) });
  }
  const exposed = actual.headers.get('access-control-expose-headers');
  evidence.push({ label: `access-control-expose-headers on the ${actual.status ?? 'failed'} POST`, value: clip(exposed ?? 'absent') });

  const problems: string[] = [];
  const status = preflight.status ?? 0;
  if (preflight.error || preflight.redirectedTo || status < 200 || status >= 300) problems.push(`the preflight got ${describeAttempt(preflight)}`);
  else {
    if (!allowsOrigin(h, origin)) problems.push('the preflight does not allow another origin');
    const credentials = h.get('access-control-allow-credentials')?.trim() === 'true';
    const methods = list(h.get('access-control-allow-methods'));
    // POST is CORS-safelisted, so it passes unlisted; a list that names methods without it still suggests a misconfiguration.
    if (methods.length && !methods.includes('post') && !(methods.includes('*') && !credentials)) problems.push('the preflight lists methods without POST');
    const allowedHeaders = list(h.get('access-control-allow-headers'));
    // `*` never covers Authorization, and covers nothing when credentials are allowed.
    const wildcard = allowedHeaders.includes('*') && !credentials;
    const missing = PREFLIGHT_HEADERS.filter((name) => !allowedHeaders.includes(name) && !(wildcard && name !== 'authorization'));
    if (missing.length) problems.push(`the preflight does not allow the header(s) ${missing.join(', ')}`);
  }
  if (actual.error) problems.push(`the POST got no answer (${actual.error})`);
  // A redirect is the challenge check's failure; there is no 401 whose headers a browser would read.
  else if (actual.status === 0 || (actual.status !== undefined && actual.status >= 300 && actual.status < 400)) {
    evidence.push({ label: 'POST answer', value: 'a redirect: judged from the preflight only' });
  } else {
    if (!allowsOrigin(actual.headers, origin))
      problems.push(`the ${actual.status} answer to a POST has no Access-Control-Allow-Origin for another origin, so a browser hides it`);
    const exposedList = list(exposed);
    const hidden = exposedList.includes('*') ? [] : EXPOSED_HEADERS.filter((name) => !exposedList.includes(name));
    if (hidden.length) problems.push(`Access-Control-Expose-Headers does not expose ${hidden.join(' and ')}`);
  }
  const finding = (result: AuthFinding['result'], sentence: string): AuthFinding => ({ check: 'cors', result, sentence, evidence, spec: SPEC.cors });
  if (problems.length) return finding('warn', `A browser-based client could not use this server (other clients are unaffected): ${problems.join('; ')}.`);
  return finding('pass', 'A browser-based client on another origin can send authorized MCP requests and read the challenge and session headers.');
}
