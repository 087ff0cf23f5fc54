import type { HarEntryLike } from '../capture/har';
import { originOf, urlWithoutQuery } from '../capture/har';

export interface McpTarget {
  /** Endpoint URL without query or fragment (queries are where tokens hide). */
  url: string;
  origin: string;
  transportHint: 'streamable-http' | 'sse' | 'unknown';
  lastSeen: number;
  hits: number;
}

const JSON_RPC_METHODS = /"method"\s*:\s*"(initialize|tools\/list|tools\/call|notifications\/initialized|resources\/list|prompts\/list)"/;

/**
 * An MCP endpoint this request talked to, if any: paths ending in /mcp or /sse, legacy SSE message
 * posts (…/sse/message?sessionId=…), or any POST whose body is an MCP JSON-RPC request.
 */
export function detectMcpTarget(entry: HarEntryLike): Omit<McpTarget, 'hits' | 'lastSeen'> | undefined {
  const raw = entry.request.url;
  if (!/^https?:/i.test(raw)) return undefined;
  // The URL exactly as the page used it (a trailing slash can matter to the server); only the query goes.
  const url = urlWithoutQuery(raw);
  const origin = originOf(raw);
  const path = url.slice(origin.length);
  if (/\/sse\/messages?\/?$/i.test(path)) return { url: url.replace(/\/messages?\/?$/i, ''), origin, transportHint: 'sse' };
  if (/\/mcp\/?$/i.test(path)) return { url, origin, transportHint: 'streamable-http' };
  if (/\/sse\/?$/i.test(path)) return { url, origin, transportHint: 'sse' };
  const body = entry.request.postData?.text;
  if (entry.request.method === 'POST' && body && body.length < 64 * 1024 && JSON_RPC_METHODS.test(body) && /"jsonrpc"\s*:\s*"2\.0"/.test(body)) {
    return { url, origin, transportHint: 'unknown' };
  }
  return undefined;
}

const MAX_TARGETS = 10;

/** The endpoints seen so far, most recent first, bounded. */
export function recordMcpTarget(targets: McpTarget[], found: Omit<McpTarget, 'hits' | 'lastSeen'>, at: number): McpTarget[] {
  const existing = targets.find((t) => t.url === found.url);
  const updated: McpTarget = existing
    ? {
        ...existing,
        hits: existing.hits + 1,
        lastSeen: Math.max(existing.lastSeen, at),
        transportHint: existing.transportHint === 'unknown' ? found.transportHint : existing.transportHint,
      }
    : { ...found, hits: 1, lastSeen: at };
  return [updated, ...targets.filter((t) => t.url !== found.url)].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, MAX_TARGETS);
}
