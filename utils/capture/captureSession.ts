import { extractTokensFromHarEntry, type TokenObservation } from './extractTokensFromHarEntry';
import type { HarEntryLike } from './har';
import { EMPTY_CAPTURE_STATS, type CaptureStats } from './captureStats';
import { detectMcpTarget, recordMcpTarget, type McpTarget } from '../mcp/detectMcpTarget';
import { expiryFacts } from '../tokens/expiry';
import { TokenLedger, type TokenRow } from './tokenLedger';
import { withoutQuery } from '../urls';
import { responseFacts, tokenRequestEvent } from '../lifecycle/tokenRequestFacts';
import type { TestRunRecord, TokenRequestEvent } from '../lifecycle/types';
import { MAX_TEST_RUNS, MAX_TOKEN_REQUESTS } from '../lifecycle/validateLifecycle';

/** A token that shows up this soon after a lost token response most likely came from it. */
const LOST_RESPONSE_LINK_MS = 120_000;

/**
 * What the devtools page keeps for one inspected tab: the ledger of tokens and the counters.
 * Pure, so the capture path is unit-tested and benchmarked without a browser.
 */
export class CaptureSession {
  readonly ledger: TokenLedger;
  stats: CaptureStats = { ...EMPTY_CAPTURE_STATS };
  /** MCP endpoints the page talked to, most recent first: they pre-fill the test target. */
  targets: McpTarget[] = [];
  /** Token responses whose bodies DevTools had dropped, newest last (a few only). */
  private lostResponses: { endpoint: string; at: number }[] = [];
  /** The page's token requests, oldest first: the lifecycle's refresh events. Facts and fingerprints only. */
  tokenRequests: TokenRequestEvent[] = [];
  /** Finished Test tools now runs the panel reported, oldest first. */
  testRuns: TestRunRecord[] = [];
  /** Bumped whenever tokenRequests or testRuns change, so the capture side sends them only then. */
  lifecycleVersion = 0;

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
    if (opts.bodyLost) {
      this.lostResponses.push({ endpoint: withoutQuery(entry.request.url), at: Date.parse(entry.startedDateTime) || Date.now() });
      if (this.lostResponses.length > 8) this.lostResponses.shift();
    }
    this.noteTokenRequest(entry, body);
    const changed = this.ledger.record(extractTokensFromHarEntry(entry, body));
    if (this.lostResponses.length > 0) for (const row of changed) this.noteLostExpiry(row);
    // The token may have been seen before its lost response was reported (the body was waited for).
    if (opts.bodyLost) for (const row of this.ledger.all()) if (!changed.includes(row) && this.noteLostExpiry(row)) changed.push(row);
    return changed;
  }

  private noteTokenRequest(entry: HarEntryLike, body: string | undefined): void {
    const event = tokenRequestEvent(entry, body);
    if (!event) return;
    // The backfill and the live listener can both report one request: the first report stays.
    if (this.tokenRequests.some((r) => r.id === event.id)) return;
    this.tokenRequests.push(event);
    this.tokenRequests.sort((a, b) => a.at - b.at);
    if (this.tokenRequests.length > MAX_TOKEN_REQUESTS) this.tokenRequests.splice(0, this.tokenRequests.length - MAX_TOKEN_REQUESTS);
    this.lifecycleVersion += 1;
  }

  /** A Test tools now run the panel finished. */
  addTestRun(run: TestRunRecord): void {
    this.testRuns.push(run);
    if (this.testRuns.length > MAX_TEST_RUNS) this.testRuns.shift();
    this.lifecycleVersion += 1;
  }

  /** Marks a token with no known expiry that appeared right after a token response DevTools lost. */
  private noteLostExpiry(row: TokenRow): boolean {
    if (row.expiryLost || row.roles.includes('refresh') || expiryFacts(row.decoded, row.issuedExpiresAt).expiresAt !== undefined) return false;
    const lost = this.lostResponses.findLast((l) => l.at <= row.firstSeen && row.firstSeen - l.at <= LOST_RESPONSE_LINK_MS);
    if (lost) row.expiryLost = { ...lost };
    return lost !== undefined;
  }

  /** The body of a token response DevTools had lost, recovered later (a late recorder copy): its tokens only. */
  recoverLostBody(entry: HarEntryLike, body: string): TokenRow[] {
    this.stats.bodiesLost = Math.max(0, this.stats.bodiesLost - 1);
    this.stats.bodiesRead += 1;
    const event = tokenRequestEvent(entry);
    const known = event && this.tokenRequests.find((r) => r.id === event.id);
    if (known && !known.issued && !known.error) {
      Object.assign(known, responseFacts(body, known.status, known.at, known.endpoint));
      this.lifecycleVersion += 1;
    }
    return this.ledger.record(extractTokensFromHarEntry(entry, body).filter((o) => o.source === 'token-response'));
  }

  /** The Set-Cookie tokens of a request seen earlier without them (Chrome attached the header late). */
  ingestLateSetCookies(entry: HarEntryLike): TokenRow[] {
    return this.ledger.record(extractTokensFromHarEntry(entry).filter((o) => o.source === 'set-cookie'));
  }

  /** Rows and targets saved by an earlier DevTools window of the same tab. */
  restore(rows: TokenRow[], targets: McpTarget[], lifecycle: { tokenRequests?: TokenRequestEvent[]; testRuns?: TestRunRecord[] } = {}): TokenRow[] {
    for (const t of [...targets].reverse()) this.targets = recordMcpTarget(this.targets, t, t.lastSeen);
    const ids = new Set(this.tokenRequests.map((r) => r.id));
    this.tokenRequests = [...(lifecycle.tokenRequests ?? []).filter((r) => !ids.has(r.id)), ...this.tokenRequests]
      .sort((a, b) => a.at - b.at)
      .slice(-MAX_TOKEN_REQUESTS);
    this.testRuns = [...(lifecycle.testRuns ?? []), ...this.testRuns].sort((a, b) => a.at - b.at).slice(-MAX_TEST_RUNS);
    this.lifecycleVersion += 1;
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
    this.lostResponses = [];
    this.tokenRequests = [];
    this.testRuns = [];
    this.lifecycleVersion += 1;
  }
}
