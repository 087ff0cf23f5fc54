import type { CaptureStats } from '../capture/captureStats';
import type { McpTarget } from '../mcp/detectMcpTarget';
import type { TokenRow } from '../capture/tokenLedger';
import type { TestRunRecord, TokenRequestEvent } from '../lifecycle/types';
import { isTestRunRecord, isTokenRequestEvent, MAX_TEST_RUNS, MAX_TOKEN_REQUESTS, validRecords } from '../lifecycle/validateLifecycle';

/**
 * The channel between the two documents of one DevTools window: the panel (UI) and the devtools
 * page (capture). Each direction has its own union and its own validator at the receiving end,
 * which drops anything malformed (platform/createLink.ts wires them).
 */
export type PanelToCapture =
  | { type: 'panel-hello' }
  | { type: 'paste-token'; value: string; at: number }
  | { type: 'clear-tokens' }
  // Reload the inspected page with the token-response recorder injected before its scripts (one load).
  | { type: 'reload-and-capture' }
  // A finished Test tools now run, kept with the tab's capture for the lifecycle statistics.
  | { type: 'test-run'; run: TestRunRecord };

/** The page's token requests and the test runs, whole: sent with a snapshot and whenever they change. */
export interface LifecycleRecords {
  tokenRequests: TokenRequestEvent[];
  testRuns: TestRunRecord[];
}

export type CaptureToPanel =
  | { type: 'tokens-snapshot'; rows: TokenRow[]; stats: CaptureStats; targets: McpTarget[]; lifecycle?: LifecycleRecords }
  | { type: 'tokens-changed'; rows: TokenRow[]; stats: CaptureStats; targets: McpTarget[]; lifecycle?: LifecycleRecords }
  | { type: 'page-navigated'; url: string; at: number };

/** A pasted token is at most this long (the ledger decodes only 16 KB of a token anyway). */
const MAX_PASTE_LENGTH = 64 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (v: Record<string, unknown>, k: string): unknown => (Object.hasOwn(v, k) ? v[k] : undefined);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function parsePanelToCapture(value: unknown): PanelToCapture | undefined {
  if (!isRecord(value)) return undefined;
  switch (own(value, 'type')) {
    case 'panel-hello':
      return { type: 'panel-hello' };
    case 'clear-tokens':
      return { type: 'clear-tokens' };
    case 'reload-and-capture':
      return { type: 'reload-and-capture' };
    case 'test-run': {
      const run = own(value, 'run');
      return isTestRunRecord(run) ? { type: 'test-run', run } : undefined;
    }
    case 'paste-token': {
      const text = own(value, 'value');
      const at = own(value, 'at');
      return typeof text === 'string' && text.length > 0 && text.length <= MAX_PASTE_LENGTH && isTime(at)
        ? { type: 'paste-token', value: text, at }
        : undefined;
    }
    default:
      return undefined;
  }
}

function isStats(v: unknown): v is CaptureStats {
  return isRecord(v) && ['requestsSeen', 'bodiesRead', 'bodiesLost', 'backfilled'].every((k) => isTime(own(v, k)));
}

/** A row as the panel needs it to render: the fields every view reads, of the right types. */
function isRow(v: unknown): v is TokenRow {
  if (!isRecord(v)) return false;
  const decoded = own(v, 'decoded');
  return (
    typeof own(v, 'fingerprint') === 'string' &&
    typeof own(v, 'value') === 'string' &&
    isRecord(decoded) &&
    typeof own(decoded, 'kind') === 'string' &&
    ['sources', 'origins', 'names', 'roles', 'issuedWith'].every((k) => Array.isArray(own(v, k))) &&
    isTime(own(v, 'firstSeen')) &&
    isTime(own(v, 'lastSeen'))
  );
}

function isTarget(v: unknown): v is McpTarget {
  return isRecord(v) && typeof own(v, 'url') === 'string';
}

export function parseCaptureToPanel(value: unknown): CaptureToPanel | undefined {
  if (!isRecord(value)) return undefined;
  const type = own(value, 'type');
  if (type === 'page-navigated') {
    const url = own(value, 'url');
    const at = own(value, 'at');
    return typeof url === 'string' && isTime(at) ? { type, url, at } : undefined;
  }
  if (type !== 'tokens-snapshot' && type !== 'tokens-changed') return undefined;
  const rows = own(value, 'rows');
  const stats = own(value, 'stats');
  const targets = own(value, 'targets');
  if (!Array.isArray(rows) || !isStats(stats) || !Array.isArray(targets)) return undefined;
  // One malformed row is dropped, not the whole batch: the others still arrive.
  const lifecycle = parseLifecycle(own(value, 'lifecycle'));
  return { type, rows: rows.filter(isRow), stats, targets: targets.filter(isTarget), ...(lifecycle ? { lifecycle } : {}) };
}

export function parseLifecycle(value: unknown): LifecycleRecords | undefined {
  if (!isRecord(value)) return undefined;
  return {
    tokenRequests: validRecords(own(value, 'tokenRequests'), isTokenRequestEvent, MAX_TOKEN_REQUESTS),
    testRuns: validRecords(own(value, 'testRuns'), isTestRunRecord, MAX_TEST_RUNS),
  };
}
