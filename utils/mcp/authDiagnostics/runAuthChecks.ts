import { INVALID_TOKEN, judgeChallenge } from './challenge';
import { judgeClockSkew } from './clockSkew';
import { FOREIGN_ORIGIN, PREFLIGHT_HEADERS, judgeCors } from './cors';
import {
  judgeAsMetadata,
  judgePkce,
  judgeRefresh,
  judgeRegistration,
  judgeResourceMatches,
  judgeResourceMetadata,
  type AuthorizationServerMetadata,
} from './metadata';
import { createProber, type ProbeResult, type Prober } from './probe';
import { authorizationServerMetadataUrls, canonicalResource, httpUrl, protectedResourceMetadataUrls } from './resourceUrls';
import { SPEC } from './specs';
import { judgeTokenAudience } from './tokenAudience';
import { AUTH_CHECK_IDS, type AuthCheckId, type AuthFinding, type AuthReport, type RunAuthChecksOptions, type SpecRef } from './types';
import { decideVerdict } from './verdict';

const PROTOCOL_VERSION = '2025-11-25';
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-token-inspector-auth-check', version: '1' } },
});

const SPEC_BY_CHECK: Record<AuthCheckId, SpecRef> = {
  challenge: SPEC.challenge,
  'resource-metadata': SPEC.resourceMetadata,
  'resource-matches': SPEC.resourceMatches,
  'as-metadata': SPEC.asMetadata,
  pkce: SPEC.pkce,
  registration: SPEC.registration,
  refresh: SPEC.refresh,
  cors: SPEC.cors,
  'token-audience': SPEC.tokenAudience,
  'clock-skew': SPEC.clockSkew,
};

const skip = (check: AuthCheckId, sentence: string): AuthFinding => ({ check, result: 'skip', sentence, evidence: [], spec: SPEC_BY_CHECK[check] });

function initialize(url: string, authorization?: string, origin?: string) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': PROTOCOL_VERSION,
  };
  if (authorization) headers.authorization = authorization;
  if (origin) headers.origin = origin;
  return { method: 'POST' as const, url, headers, body: INITIALIZE };
}

/** Tries URLs in order until one answers 200 (a client stops there, whatever the body holds). */
async function discover(prober: Prober, urls: string[]): Promise<ProbeResult[]> {
  const attempts: ProbeResult[] = [];
  for (const url of urls) {
    const result = await prober.probe({ method: 'GET', url, headers: { accept: 'application/json' } });
    attempts.push(result);
    if (result.status === 200 || result.error === 'cancelled') break;
  }
  return attempts;
}

/**
 * Runs every auth check against an MCP endpoint. Never throws: an input or a server that defeats a
 * check turns into a finding. No token the user holds is sent anywhere; only a deliberately invalid
 * one, and only to the endpoint's own origin.
 */
export async function runAuthChecks(options: RunAuthChecksOptions): Promise<AuthReport> {
  const now = options.now ?? Date.now;
  const endpoint = httpUrl(options.url);
  if (!endpoint) {
    const findings = AUTH_CHECK_IDS.map((id) => skip(id, 'The endpoint is not an http(s) URL.'));
    findings[0] = { ...skip('challenge', `"${options.url.slice(0, 200)}" is not an http(s) URL.`), result: 'fail' };
    return { findings, exchanges: [], ...decideVerdict(findings, { noAuth: false, cancelled: false }) };
  }
  const prober = createProber(options.fetch, endpoint.href, options.timeoutMs, options.signal);
  const findings = new Map<AuthCheckId, AuthFinding>();
  let clockSkewSeconds: number | undefined;
  let noAuth = false;
  try {
    await runChecks();
  } catch (error) {
    // A bug here must not take the panel down: what ran is reported, the rest says why it did not.
    const why = `The check stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    for (const id of AUTH_CHECK_IDS) if (!findings.has(id)) findings.set(id, skip(id, why));
  }
  const cancelled = options.signal?.aborted ?? false;
  const ordered = AUTH_CHECK_IDS.map(
    (id) => findings.get(id) ?? skip(id, cancelled ? 'The checks were cancelled before this one ran.' : 'This check did not run.'),
  );
  return { findings: ordered, exchanges: prober.exchanges, clockSkewSeconds, ...decideVerdict(ordered, { noAuth, cancelled }, options.capturedTokenResponse) };

  async function runChecks() {
    const url = endpoint!.href;
    const withoutToken = await prober.probe(initialize(url, undefined, FOREIGN_ORIGIN));
    const localMs = now();
    let skew = withoutToken.error ? undefined : judgeClockSkew(withoutToken.headers.get('date'), localMs);
    const withInvalidToken = withoutToken.error ? undefined : await prober.probe(initialize(url, `Bearer ${INVALID_TOKEN}`));
    const challenge = judgeChallenge(withoutToken, withInvalidToken);
    findings.set('challenge', challenge.finding);
    if (skew) {
      findings.set('clock-skew', skew.finding);
      clockSkewSeconds = skew.skewSeconds;
    }
    if (challenge.unreachable || options.signal?.aborted) return;
    if (challenge.noAuth) {
      noAuth = true;
      for (const id of AUTH_CHECK_IDS) if (!findings.has(id)) findings.set(id, skip(id, 'The server does not ask for a token, so there is nothing to check.'));
      return;
    }

    const preflight = await prober.probe({
      method: 'OPTIONS',
      url,
      headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': PREFLIGHT_HEADERS.join(', ') },
    });
    findings.set('cors', judgeCors(preflight, withoutToken));
    // A redirect's headers are hidden from the extension: the preflight's Date then tells the server's time.
    if (skew?.skewSeconds === undefined && !preflight.error && preflight.headers.get('date')) {
      skew = judgeClockSkew(preflight.headers.get('date'), now());
      findings.set('clock-skew', skew.finding);
      clockSkewSeconds = skew.skewSeconds;
    }

    const prmUrls = challenge.resourceMetadataUrl ? [challenge.resourceMetadataUrl] : protectedResourceMetadataUrls(endpoint!);
    // Without a proper challenge there was nothing to name the metadata in: the challenge check says so already.
    const prm = judgeResourceMetadata(await discover(prober, prmUrls), challenge.missingResourceMetadata && challenge.finding.result !== 'fail');
    findings.set('resource-metadata', prm.finding);
    const accepted = [canonicalResource(endpoint!), endpoint!.origin];
    if (prm.metadata) {
      findings.set('resource-matches', judgeResourceMatches(prm.metadata.resource, endpoint!));
      accepted.unshift(prm.metadata.resource);
    } else findings.set('resource-matches', skip('resource-matches', 'No protected resource metadata to compare with this endpoint.'));
    findings.set('token-audience', judgeTokenAudience(options.token, accepted));
    if (options.signal?.aborted) return;

    let asMetadata: AuthorizationServerMetadata | undefined;
    const asUrl = prm.metadata?.authorizationServers[0];
    if (asUrl === undefined) findings.set('as-metadata', skip('as-metadata', 'No authorization server is known for this endpoint.'));
    else {
      const issuer = httpUrl(asUrl);
      const as = judgeAsMetadata(asUrl, issuer ? await discover(prober, authorizationServerMetadataUrls(issuer)) : []);
      findings.set('as-metadata', as.finding);
      asMetadata = as.metadata;
    }
    findings.set('pkce', judgePkce(asMetadata));
    findings.set('registration', judgeRegistration(asMetadata));
    findings.set('refresh', judgeRefresh(asMetadata, options.capturedTokenResponse));
  }
}
