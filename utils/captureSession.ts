import { extractTokensFromHarEntry, type TokenObservation } from './extractTokensFromHarEntry';
import type { HarEntryLike } from './har';
import type { CaptureStats } from './messages';
import { EMPTY_CAPTURE_STATS } from './messages';
import { detectMcpTarget, recordMcpTarget, type McpTarget } from './mcp/detectMcpTarget';
import { TokenLedger, type TokenRow } from './tokenLedger';

/**
 * What the devtools page keeps for one inspected tab: the ledger of tokens and the counters.
 * Pure, so the capture path is unit-tested and benchmarked without a browser.
 */
export class CaptureSession {
  readonly ledger: TokenLedger;
  stats: CaptureStats = { ...EMPTY_CAPTURE_STATS };
  /** MCP endpoints the page talked to, most recent first: they pre-fill the test target. */
  targets: McpTarget[] = [];

  constructor(maxRows?: number) {
    this.ledger = new TokenLedger(maxRows);
  }

  /** One finished request; `body` is its response text when it was read, `bodyLost` when DevTools no longer had it. */
  ingest(entry: HarEntryLike, body?: string, opts: { bodyLost?: boolean; backfill?: boolean } = {}): TokenRow[] {
    this.stats.requestsSeen += 1;
    if (opts.backfill) this.stats.backfilled += 1;
    if (body !== undefined) this.stats.bodiesRead += 1;
    if (opts.bodyLost) this.stats.bodiesLost += 1;
    const target = detectMcpTarget(entry);
    if (target) this.targets = recordMcpTarget(this.targets, target, Date.parse(entry.startedDateTime) || Date.now());
    return this.ledger.record(extractTokensFromHarEntry(entry, body));
  }

  /** Rows and targets saved by an earlier DevTools window of the same tab. */
  restore(rows: TokenRow[], targets: McpTarget[]): TokenRow[] {
    for (const t of [...targets].reverse()) this.targets = recordMcpTarget(this.targets, t, t.lastSeen);
    return this.ledger.restore(rows);
  }

  paste(value: string, at: number): TokenRow[] {
    const observation: TokenObservation = { value, source: 'pasted', name: 'pasted', origin: 'pasted', at };
    return this.ledger.record([observation]);
  }

  clear(): void {
    this.ledger.clear();
    this.stats = { ...EMPTY_CAPTURE_STATS };
    this.targets = [];
  }
}
