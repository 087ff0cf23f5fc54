import type { McpTarget } from '../mcp/detectMcpTarget';
import type { TokenRow } from './tokenLedger';
import type { LifecycleRecords } from '../links/panelChannel';

export interface CaptureToStore {
  rows: TokenRow[];
  targets: McpTarget[];
  /** The lifecycle records (bounded lists of facts, small next to the rows): always kept whole. */
  lifecycle?: LifecycleRecords;
}

/**
 * What of a capture fits in `maxBytes` of JSON: all of it when it fits, else the most recently
 * seen rows that do (never nothing at all because one part is too big). `dropped` says how many
 * rows were left out, so the caller can tell the user.
 */
export function fitCapture(capture: CaptureToStore, maxBytes: number): { capture: CaptureToStore; dropped: number } {
  const size = (c: CaptureToStore) => JSON.stringify(c).length;
  if (size(capture) <= maxBytes) return { capture, dropped: 0 };
  const newestFirst = [...capture.rows].sort((a, b) => b.lastSeen - a.lastSeen);
  const kept: TokenRow[] = [];
  let used = size({ ...capture, rows: [] });
  for (const row of newestFirst) {
    const rowBytes = JSON.stringify(row).length + 1;
    if (used + rowBytes > maxBytes) continue;
    kept.push(row);
    used += rowBytes;
  }
  return { capture: { ...capture, rows: kept }, dropped: capture.rows.length - kept.length };
}
