import { formatDuration, formatUtc } from '../tokens/expiry';
import type { HttpExchange } from './recordingFetch';
import { parseBearerChallenge } from './wwwAuthenticate';
import { withoutQuery } from '../urls';

export type McpErrorKind = 'token-expired' | 'unauthorized' | 'forbidden' | 'network' | 'timeout' | 'protocol' | 'server-error' | 'not-mcp';

export interface McpFailure {
  kind: McpErrorKind;
  /** One sentence: what is wrong and what to do. */
  message: string;
  /** More detail for the curious: the server's words, the HTTP status. */
  detail?: string;
  status?: number;
  wwwAuthenticate?: string;
  /** The origin the panel could ask host access for, when CORS is the likely cause. */
  needsHostAccess?: string;
}

export interface FailureContext {
  error: unknown;
  exchanges: HttpExchange[];
  nowMs: number;
  timedOut: boolean;
  timeoutMs: number;
  /** The token sent, if any: its known expiry decides between "expired" and "rejected". */
  token?: { expiresAt?: number };
  /** Whether the extension holds host access to the target (no CORS needed then). */
  hasHostAccess?: boolean;
  targetOrigin: string;
}

/** Turns whatever went wrong in an MCP test into one kind and one plain sentence. */
export function classifyMcpFailure(ctx: FailureContext): McpFailure {
  const errorText = describeError(ctx.error);
  if (ctx.timedOut) {
    return {
      kind: 'timeout',
      message: `The server did not answer within ${formatDuration(ctx.timeoutMs / 1000)}: it may be overloaded, or the URL points at something that holds requests open. Check the URL, or raise the timeout.`,
      detail: lastRequestLine(ctx.exchanges),
    };
  }
  const redirect = ctx.exchanges.find((e) => e.redirectedTo !== undefined);
  if (redirect) {
    return {
      kind: 'not-mcp',
      status: redirect.status,
      message: `The server answered with a redirect to ${redirect.redirectedTo} instead of MCP — typically a Cloudflare Access login page, because the request was not authenticated. Send a token the portal accepts, or use its /mcp endpoint.`,
      detail: `${redirect.method} ${withoutQuery(redirect.url)} → redirect${redirect.status ? ` (HTTP ${redirect.status})` : ''}`,
    };
  }
  const failing = [...ctx.exchanges].reverse().find((e) => e.status !== undefined && !isSpecAllowedRefusal(e) && (e.status >= 400 || isHtml(e)));
  if (failing?.status !== undefined) return classifyResponse(failing, ctx, errorText);

  const networkFailure = [...ctx.exchanges].reverse().find((e) => e.networkError);
  if (networkFailure || /failed to fetch|networkerror|load failed|fetch failed|ECONNREFUSED|ENOTFOUND/i.test(errorText)) {
    const corsLikely = ctx.hasHostAccess === false;
    return {
      kind: 'network',
      message: corsLikely
        ? `Could not reach ${ctx.targetOrigin}. Either nothing is listening there, or the server sends no CORS headers for extensions: allow the extension to access ${ctx.targetOrigin} and test again.`
        : `Could not reach ${ctx.targetOrigin}: the connection was refused or the name did not resolve. Check that the server is running and the URL is right.`,
      detail: networkFailure?.networkError ?? errorText,
      ...(corsLikely ? { needsHostAccess: ctx.targetOrigin } : {}),
    };
  }
  return {
    kind: 'protocol',
    message: 'The server answered, but not with valid MCP (JSON-RPC) messages: it may speak another protocol version, or not be an MCP server.',
    detail: errorText,
  };
}

function classifyResponse(e: HttpExchange, ctx: FailureContext, errorText: string): McpFailure {
  const status = e.status!;
  const wwwAuthenticate = e.responseHeaders['www-authenticate'];
  const challenge = parseBearerChallenge(wwwAuthenticate);
  const base = {
    status,
    ...(wwwAuthenticate ? { wwwAuthenticate } : {}),
    detail: `HTTP ${status} from ${e.method} ${withoutQuery(e.url)}${e.bodySnippet ? ` — ${oneLine(e.bodySnippet)}` : ''}`,
  };

  if (isHtml(e) && status < 400) {
    const looksLikeLogin = /cloudflareaccess|cdn-cgi\/access|sign[ -]?in|log[ -]?in/i.test(e.bodySnippet ?? '');
    return {
      ...base,
      kind: 'not-mcp',
      message: looksLikeLogin
        ? "Got a login page (HTML, it looks like Cloudflare Access) where MCP JSON was expected: the request was not authenticated. Send a captured token, or use the portal's /mcp endpoint."
        : 'Got an HTML page where MCP JSON was expected: this URL is a web page, not an MCP endpoint. Check the path (usually …/mcp or …/sse).',
    };
  }
  if (status === 401) {
    const expiresAt = ctx.token?.expiresAt;
    const serverSaysExpired = challenge?.error === 'invalid_token' && /expired/i.test(challenge.error_description ?? '');
    if (expiresAt !== undefined && ctx.nowMs / 1000 >= expiresAt) {
      return {
        ...base,
        kind: 'token-expired',
        message: `The token expired ${formatDuration(ctx.nowMs / 1000 - expiresAt)} ago (at ${formatUtc(expiresAt)}): sign in to the portal again and the panel will pick up the new one.`,
      };
    }
    // Without a known expiry or a more precise challenge, a 401 body saying "expired" is believed.
    const bodySaysExpired = expiresAt === undefined && ctx.token !== undefined && !challenge?.error_description && /\bexpired\b/i.test(e.bodySnippet ?? '');
    if (serverSaysExpired || bodySaysExpired) {
      return {
        ...base,
        kind: 'token-expired',
        message: `The server says the token expired${expiresAt !== undefined ? `, though by this computer's clock it has ${formatDuration(expiresAt - ctx.nowMs / 1000)} left (check the clocks)` : ''}: sign in to the portal again and the panel will pick up the new one.`,
      };
    }
    if (!ctx.token) {
      return { ...base, kind: 'unauthorized', message: 'The server wants a token and none was sent: pick a captured token (or paste one) and test again.' };
    }
    const why = challenge?.error ? ` (${challenge.error}${challenge.error_description ? `: ${challenge.error_description}` : ''})` : '';
    return {
      ...base,
      kind: 'unauthorized',
      message: `The server rejected the token${why}. It may have been issued for another server or audience, or revoked: use a token the page sent to this server.`,
    };
  }
  if (status === 403) {
    const scope = challenge?.error === 'insufficient_scope';
    return {
      ...base,
      kind: 'forbidden',
      message: scope
        ? `The token is valid but lacks a scope this server needs (insufficient_scope${challenge?.scope ? `; needs "${challenge.scope}"` : ''}): sign in with an account or client that has it.`
        : 'The server refused the request (403): the token is accepted but this identity is not allowed here, or a firewall / Access policy blocked it.',
    };
  }
  if (status >= 500) {
    return { ...base, kind: 'server-error', message: `The server failed (HTTP ${status}): the problem is on the server side, not the token. Check its logs.` };
  }
  if (status === 404 || status === 405 || status === 400) {
    return {
      ...base,
      kind: 'not-mcp',
      message: `No MCP endpoint answered at this URL (HTTP ${status} for both Streamable HTTP and legacy SSE). Check the path: servers usually serve …/mcp, and older ones …/sse.`,
    };
  }
  return {
    ...base,
    kind: 'protocol',
    message: `The server answered HTTP ${status}, which MCP clients do not expect here.`,
    detail: `${base.detail} (${errorText})`,
  };
}

/** A server may refuse the optional GET stream and session DELETE with 405 (MCP spec, Streamable HTTP): not a failure. */
function isSpecAllowedRefusal(e: HttpExchange): boolean {
  return (e.method === 'GET' && e.status === 405) || e.method === 'DELETE';
}

function isHtml(e: HttpExchange): boolean {
  return /text\/html/i.test(e.contentType ?? '');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

function lastRequestLine(exchanges: HttpExchange[]): string | undefined {
  const last = exchanges.at(-1);
  return last ? `${last.method} ${withoutQuery(last.url)} had no answer` : undefined;
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}
