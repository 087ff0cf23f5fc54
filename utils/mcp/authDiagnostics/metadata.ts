import { clip, describeAttempt, readJsonObject, type ProbeResult } from './probe';
import { httpUrl, matchResource } from './resourceUrls';
import { SPEC } from './specs';
import type { AuthFinding, CapturedTokenResponse, Evidence } from './types';

type Result = AuthFinding['result'];

export interface ResourceMetadata {
  resource: string;
  authorizationServers: string[];
  url: string;
}

export interface AuthorizationServerMetadata {
  url: string;
  /** Only own, JSON-typed fields are read from it; every field is checked before use. */
  document: Record<string, unknown>;
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function attemptsEvidence(attempts: ProbeResult[]): Evidence[] {
  return attempts.map((a) => ({ label: 'Tried', value: `${a.url} → ${describeAttempt(a)}` }));
}

/** Protected resource metadata from the attempts made (in order), the first that answered 200 being the one judged. */
export function judgeResourceMetadata(attempts: ProbeResult[], missingInChallenge: boolean): { finding: AuthFinding; metadata?: ResourceMetadata } {
  const evidence = attemptsEvidence(attempts);
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'resource-metadata', result, sentence, evidence, spec: SPEC.resourceMetadata });
  const answered = attempts.find((a) => a.status === 200 && !a.error) ?? attempts[attempts.length - 1];
  if (!answered) return { finding: finding('skip', 'No protected resource metadata URL to try.') };
  const json = readJsonObject(answered);
  if (!json.ok) return { finding: finding('fail', `No usable protected resource metadata: at ${answered.url}, ${json.problem}.`) };
  const resource = own(json.value, 'resource');
  const servers = own(json.value, 'authorization_servers');
  evidence.push({ label: 'resource', value: shown(resource) }, { label: 'authorization_servers', value: shown(servers) });
  if (typeof resource !== 'string') return { finding: finding('fail', `The protected resource metadata at ${answered.url} has no resource string.`) };
  if (!isStringArray(servers) || servers.length === 0) {
    return {
      finding: finding(
        'fail',
        `The protected resource metadata at ${answered.url} has no authorization_servers list of URLs, so a client cannot tell where to sign in.`,
      ),
    };
  }
  const metadata = { resource, authorizationServers: servers, url: answered.url };
  if (missingInChallenge) {
    return {
      metadata,
      finding: finding(
        'warn',
        `Protected resource metadata found at ${answered.url}, but only by guessing: the 401 challenge must name it in resource_metadata.`,
      ),
    };
  }
  return { metadata, finding: finding('pass', `Protected resource metadata found at ${answered.url}, naming ${servers.length} authorization server(s).`) };
}

export function judgeResourceMatches(resource: string, endpoint: URL): AuthFinding {
  const evidence = [
    { label: 'resource', value: clip(resource) },
    { label: 'Endpoint', value: endpoint.href },
  ];
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'resource-matches', result, sentence, evidence, spec: SPEC.resourceMatches });
  const match = matchResource(resource, endpoint);
  switch (match.kind) {
    case 'same':
      return finding('pass', "The metadata's resource is this endpoint.");
    case 'origin':
      return finding('pass', "The metadata's resource is this endpoint's origin, which covers it.");
    case 'prefix':
      return finding('pass', "The metadata's resource is a path prefix of this endpoint, which covers it.");
    case 'trailing-slash':
      return finding('warn', "The metadata's resource differs from this endpoint only by a trailing slash: clients that compare exactly will refuse it.");
    default:
      return finding('fail', `The metadata's resource does not identify this endpoint (${match.detail}): a client must refuse it.`);
  }
}

/** Authorization server metadata: the first attempt that answered 200 is judged (a client stops there too). */
export function judgeAsMetadata(asUrl: string, attempts: ProbeResult[]): { finding: AuthFinding; metadata?: AuthorizationServerMetadata } {
  const evidence: Evidence[] = [{ label: 'Authorization server', value: clip(asUrl) }, ...attemptsEvidence(attempts)];
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'as-metadata', result, sentence, evidence, spec: SPEC.asMetadata });
  if (!httpUrl(asUrl)) return { finding: finding('fail', `The authorization server "${clip(asUrl, 100)}" is not an http(s) URL.`) };
  const answered = attempts.find((a) => a.status === 200 && !a.error) ?? attempts[attempts.length - 1];
  if (!answered) return { finding: finding('skip', 'No authorization server metadata URL to try.') };
  const json = readJsonObject(answered);
  if (!json.ok) return { finding: finding('fail', `No usable authorization server metadata for ${clip(asUrl, 100)}: at ${answered.url}, ${json.problem}.`) };
  const doc = json.value;
  const issuer = own(doc, 'issuer');
  evidence.push({ label: 'issuer', value: shown(issuer) });
  const missing = ['authorization_endpoint', 'token_endpoint'].filter((key) => {
    const value = own(doc, key);
    return typeof value !== 'string' || !httpUrl(value);
  });
  const metadata = { url: answered.url, document: doc };
  if (typeof issuer !== 'string') return { finding: finding('fail', `The metadata at ${answered.url} has no issuer string.`) };
  if (missing.length) return { finding: finding('fail', `The metadata at ${answered.url} lacks a usable ${missing.join(' and ')}.`) };
  if (issuer !== asUrl) {
    if (issuer.replace(/\/$/, '') === asUrl.replace(/\/$/, '')) {
      return {
        metadata,
        finding: finding('warn', `The metadata's issuer differs from the authorization server URL only by a trailing slash; strict clients compare exactly.`),
      };
    }
    return {
      finding: finding('fail', `The metadata's issuer "${clip(issuer, 100)}" is not the authorization server it was found for: a client must refuse it.`),
    };
  }
  return { metadata, finding: finding('pass', `Authorization server metadata found at ${answered.url}, with a matching issuer and both endpoints.`) };
}

const skipWithout = (check: AuthFinding['check'], spec: AuthFinding['spec']): AuthFinding => ({
  check,
  result: 'skip',
  sentence: 'No authorization server metadata to read this from.',
  evidence: [],
  spec,
});

export function judgePkce(metadata: AuthorizationServerMetadata | undefined): AuthFinding {
  if (!metadata) return skipWithout('pkce', SPEC.pkce);
  const methods = own(metadata.document, 'code_challenge_methods_supported');
  const evidence = [{ label: 'code_challenge_methods_supported', value: shown(methods) }];
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'pkce', result, sentence, evidence, spec: SPEC.pkce });
  if (isStringArray(methods) && methods.includes('S256')) return finding('pass', 'The authorization server supports PKCE with S256.');
  if (methods === undefined)
    return finding('fail', 'The authorization server does not advertise code_challenge_methods_supported: an MCP client must refuse to proceed.');
  return finding('fail', 'The authorization server does not list S256 in code_challenge_methods_supported: an MCP client must refuse to proceed.');
}

export function judgeRegistration(metadata: AuthorizationServerMetadata | undefined): AuthFinding {
  if (!metadata) return skipWithout('registration', SPEC.registration);
  const endpoint = own(metadata.document, 'registration_endpoint');
  const cimd = own(metadata.document, 'client_id_metadata_document_supported');
  const evidence = [
    { label: 'registration_endpoint', value: shown(endpoint) },
    { label: 'client_id_metadata_document_supported', value: shown(cimd) },
  ];
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'registration', result, sentence, evidence, spec: SPEC.registration });
  const hasDcr = typeof endpoint === 'string' && httpUrl(endpoint) !== undefined;
  if (hasDcr && cimd === true)
    return finding('pass', 'Clients can register themselves: dynamic client registration and client ID metadata documents are both supported.');
  if (hasDcr) return finding('pass', 'Clients can register themselves through dynamic client registration.');
  if (cimd === true) return finding('pass', 'Clients can identify themselves with a client ID metadata document.');
  return finding('warn', 'Neither dynamic client registration nor client ID metadata documents: a client needs a client ID registered in advance.');
}

export function judgeRefresh(metadata: AuthorizationServerMetadata | undefined, captured: CapturedTokenResponse | undefined): AuthFinding {
  const grants = metadata ? own(metadata.document, 'grant_types_supported') : undefined;
  const evidence: Evidence[] = metadata ? [{ label: 'grant_types_supported', value: shown(grants) }] : [];
  if (captured) evidence.push({ label: 'Captured token response', value: captured.hadRefreshToken ? 'had a refresh_token' : 'had no refresh_token' });
  const finding = (result: Result, sentence: string): AuthFinding => ({ check: 'refresh', result, sentence, evidence, spec: SPEC.refresh });
  // What the server actually issued outweighs what its metadata advertises — except that a page's
  // own sign-in may use a grant without refresh tokens while the code grant has them: then a warning.
  if (captured?.hadRefreshToken) return finding('pass', 'The captured token response from this server carried a refresh_token.');
  if (captured?.hadRefreshToken === false) {
    if (isStringArray(grants) && grants.includes('refresh_token'))
      return finding(
        'warn',
        "The server lists the refresh_token grant, but the page's own token response carried no refresh_token: a client may get none either.",
      );
    return finding('fail', 'The captured token response from this server carried no refresh_token.');
  }
  if (!metadata) return skipWithout('refresh', SPEC.refresh);
  if (grants === undefined) return finding('warn', 'Unknown: the authorization server metadata does not list grant_types_supported.');
  if (!isStringArray(grants)) return finding('warn', 'Unknown: grant_types_supported is not a list of strings.');
  if (grants.includes('refresh_token')) return finding('pass', 'The authorization server lists the refresh_token grant.');
  return finding('fail', 'The authorization server does not list the refresh_token grant: clients must sign in again when the token expires.');
}

/** A metadata value as evidence text: never throws, whatever a server sent (a 256 KB nest of arrays included). */
function shown(value: unknown): string {
  try {
    return clip(JSON.stringify(value) ?? 'absent');
  } catch {
    return '[too deeply nested to show]';
  }
}
