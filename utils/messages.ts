import type { TrackedToken } from './expiryWarnings/trackedTokens';
import type { McpTarget } from './mcp/detectMcpTarget';
import type { TokenRow } from './tokenLedger';

/** Counters the panel shows so a user can tell "no tokens" from "nothing captured". */
export interface CaptureStats {
  requestsSeen: number;
  bodiesRead: number;
  /** Bodies DevTools had already dropped when asked (e.g. after history.replaceState on an OAuth callback). */
  bodiesLost: number;
  backfilled: number;
}

export const EMPTY_CAPTURE_STATS: CaptureStats = { requestsSeen: 0, bodiesRead: 0, bodiesLost: 0, backfilled: 0 };

/**
 * Every message between the devtools page (capture) and the panel (UI): one discriminated union,
 * so both ends are type-checked against the same contract.
 */
export type InspectorMessage =
  | { type: 'panel-hello' }
  | { type: 'paste-token'; value: string; at: number }
  | { type: 'clear-tokens' }
  // Reload the inspected page with the token-response recorder injected before its scripts (one load).
  | { type: 'reload-and-capture' }
  | { type: 'tokens-snapshot'; rows: TokenRow[]; stats: CaptureStats; targets: McpTarget[] }
  | { type: 'tokens-changed'; rows: TokenRow[]; stats: CaptureStats; targets: McpTarget[] }
  | { type: 'page-navigated'; url: string; at: number }
  // devtools page → background: the whole set of tokens to warn about for one tab (never values).
  | { type: 'schedule-tokens'; tabId: number; tokens: TrackedToken[] };

export function isInspectorMessage(value: unknown): value is InspectorMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
