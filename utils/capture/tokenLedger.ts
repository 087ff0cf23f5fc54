import type { DecodedToken } from '../tokens/decodeToken';
import { decodeToken } from '../tokens/decodeToken';
import type { TokenObservation, TokenRole, TokenSource } from './extractTokensFromHarEntry';
import { tokenFingerprint } from '../tokens/fingerprint';

/** Everything known about one distinct token value, merged from all its sightings. */
export interface TokenRow {
  fingerprint: string;
  value: string;
  decoded: DecodedToken;
  sources: TokenSource[];
  /** Origins the token was sent to or came from, most recent last. */
  origins: string[];
  names: string[];
  roles: TokenRole[];
  count: number;
  firstSeen: number;
  lastSeen: number;
  issuedExpiresAt?: number;
  issuedBy?: string;
  tokenType?: string;
  scope?: string;
  /** Roles of the tokens issued in the same token response (e.g. a refresh token next to this access token). */
  issuedWith: TokenRole[];
  serverClockOffsetMs?: number;
  /**
   * Set when the token appeared shortly after a token response whose body DevTools had already
   * dropped: its expiry was most likely in that response.
   */
  expiryLost?: { endpoint: string; at: number };
}

export const MAX_ROWS = 500;
const MAX_LIST = 16;

/**
 * Distinct tokens keyed by value. Bounded: past MAX_ROWS the least recently seen row goes, so a
 * page that mints a token per request cannot grow the panel without limit.
 */
export class TokenLedger {
  private readonly rows = new Map<string, TokenRow>();

  constructor(private readonly maxRows = MAX_ROWS) {}

  /** Merges sightings; returns the rows that changed (new or updated), each once. */
  record(observations: TokenObservation[]): TokenRow[] {
    const changed = new Map<string, TokenRow>();
    for (const o of observations) {
      const row = this.rows.get(o.value) ?? this.create(o);
      mergeObservation(row, o);
      // Re-insert so Map order is least-recently-seen first, which makes eviction O(1).
      this.rows.delete(o.value);
      this.rows.set(o.value, row);
      changed.set(row.fingerprint, row);
    }
    this.evict();
    return [...changed.values()];
  }

  /** Puts back rows saved earlier (DevTools reopened); rows seen since keep their newer state. */
  restore(rows: TokenRow[]): TokenRow[] {
    const restored: TokenRow[] = [];
    for (const row of [...rows].sort((a, b) => a.lastSeen - b.lastSeen)) {
      if (this.rows.has(row.value) || typeof row.value !== 'string') continue;
      this.rows.set(row.value, row);
      restored.push(row);
    }
    this.evict();
    return restored.filter((r) => this.rows.has(r.value));
  }

  all(): TokenRow[] {
    return [...this.rows.values()];
  }

  clear(): void {
    this.rows.clear();
  }

  get size(): number {
    return this.rows.size;
  }

  private create(o: TokenObservation): TokenRow {
    return {
      fingerprint: tokenFingerprint(o.value),
      value: o.value,
      decoded: decodeToken(o.value),
      sources: [],
      origins: [],
      names: [],
      roles: [],
      count: 0,
      firstSeen: o.at,
      lastSeen: o.at,
      issuedWith: [],
    };
  }

  private evict(): void {
    while (this.rows.size > this.maxRows) {
      const oldest = this.rows.keys().next().value as string;
      this.rows.delete(oldest);
    }
  }
}

function mergeObservation(row: TokenRow, o: TokenObservation): void {
  row.count += 1;
  row.firstSeen = Math.min(row.firstSeen, o.at);
  row.lastSeen = Math.max(row.lastSeen, o.at);
  addUnique(row.sources, o.source);
  addRecent(row.origins, o.origin);
  addUnique(row.names, o.name);
  if (o.role) addUnique(row.roles, o.role);
  // The first issuing response is the authoritative one: a later sighting cannot move the expiry.
  if (o.issuedExpiresAt !== undefined && row.issuedExpiresAt === undefined) row.issuedExpiresAt = o.issuedExpiresAt;
  if (o.issuedBy && !row.issuedBy) row.issuedBy = o.issuedBy;
  if (o.tokenType && !row.tokenType) row.tokenType = o.tokenType;
  if (o.scope && !row.scope) row.scope = o.scope;
  for (const r of o.issuedWith ?? []) addUnique(row.issuedWith, r);
  if (o.serverClockOffsetMs !== undefined) row.serverClockOffsetMs = o.serverClockOffsetMs;
}

function addUnique<T>(list: T[], item: T): void {
  if (!list.includes(item) && list.length < MAX_LIST) list.push(item);
}

function addRecent(list: string[], item: string): void {
  const i = list.indexOf(item);
  if (i === list.length - 1 && i >= 0) return;
  if (i >= 0) list.splice(i, 1);
  list.push(item);
  if (list.length > MAX_LIST) list.shift();
}
