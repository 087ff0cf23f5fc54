import { parseBearerChallenge } from '../wwwAuthenticate';
import { clip, describeAttempt, type ProbeResult } from './probe';
import { httpUrl } from './resourceUrls';
import { SPEC } from './specs';
import type { AuthFinding, Evidence } from './types';

export const INVALID_TOKEN = 'invalid.mcp-token-inspector.check';

export interface ChallengeJudgement {
  finding: AuthFinding;
  /** The server answered an initialize without a token: it does not ask for sign-in. */
  noAuth: boolean;
  /** No answer at all: nothing else about this server can be checked. */
  unreachable: boolean;
  /** `resource_metadata` from the challenge, when it is an http(s) URL. */
  resourceMetadataUrl?: string;
  /** The challenge named no `resource_metadata` (clients then fall back to well-known URLs). */
  missingResourceMetadata: boolean;
}

/** What is wrong with one answer to an initialize that should be refused, or undefined when it is a proper Bearer 401. */
function problemWith(result: ProbeResult, what: string): string | undefined {
  if (result.error) return `${what} got no answer: ${result.error}`;
  if (result.redirectedTo) return `${what} was redirected (${describeAttempt(result)}) instead of answered with 401: a client cannot follow a login page`;
  const status = result.status ?? 0;
  if (status >= 200 && status < 300) return `${what} was accepted (HTTP ${status})`;
  if (status >= 500) return `${what} got a server error (HTTP ${status}) instead of 401`;
  if (status !== 401) return `${what} got HTTP ${status} instead of 401`;
  const header = result.headers.get('www-authenticate');
  if (!header) return `${what} got 401 without a WWW-Authenticate header`;
  if (!parseBearerChallenge(header)) return `${what} got 401 whose WWW-Authenticate has no Bearer challenge`;
  return undefined;
}

export function judgeChallenge(withoutToken: ProbeResult, withInvalidToken: ProbeResult | undefined): ChallengeJudgement {
  const evidence: Evidence[] = [
    { label: 'Endpoint', value: withoutToken.url },
    { label: 'Without a token', value: describeAttempt(withoutToken) },
  ];
  const header = withoutToken.headers.get('www-authenticate');
  if (header) evidence.push({ label: 'WWW-Authenticate', value: clip(header, 400) });
  if (withInvalidToken) evidence.push({ label: 'With an invalid token', value: describeAttempt(withInvalidToken) });
  const finding = (result: AuthFinding['result'], sentence: string): AuthFinding => ({ check: 'challenge', result, sentence, evidence, spec: SPEC.challenge });
  const base = { noAuth: false, unreachable: false, missingResourceMetadata: false };

  if (withoutToken.error) return { ...base, unreachable: true, finding: finding('fail', `The endpoint could not be reached: ${withoutToken.error}.`) };
  const status = withoutToken.status ?? 0;
  if (!withoutToken.redirectedTo && status >= 200 && status < 300) {
    return {
      ...base,
      noAuth: true,
      finding: finding('warn', `The server answered an initialize without a token (HTTP ${status}): it does not ask for sign-in.`),
    };
  }
  const problem =
    problemWith(withoutToken, 'An initialize without a token') ?? (withInvalidToken && problemWith(withInvalidToken, 'An initialize with an invalid token'));
  const params = parseBearerChallenge(header ?? undefined);
  const metadataText = params?.resource_metadata;
  const resourceMetadataUrl = metadataText ? httpUrl(metadataText)?.href : undefined;
  const judged = { ...base, resourceMetadataUrl, missingResourceMetadata: !metadataText };
  if (problem) return { ...judged, finding: finding('fail', `${problem}.`) };
  if (metadataText && !resourceMetadataUrl)
    return { ...judged, finding: finding('fail', `The challenge's resource_metadata is not an http(s) URL: "${clip(metadataText, 100)}".`) };
  if (!metadataText) {
    return {
      ...judged,
      // The missing resource_metadata is the resource-metadata check's warning, not this one's.
      finding: finding(
        'pass',
        'Requests without a token and with an invalid token both got 401 with a Bearer challenge (without resource_metadata: see below).',
      ),
    };
  }
  return {
    ...judged,
    finding: finding('pass', 'Requests without a token and with an invalid token both got 401 with a Bearer challenge naming resource_metadata.'),
  };
}
