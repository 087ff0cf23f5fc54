import type { RecordedResponse } from '../runsInPage/tokenResponseRecorder';
import { RECORDER_MAX_BODY_BYTES } from '../runsInPage/tokenResponseRecorder';

/** The request DevTools itself reported, that a copy may stand in for. */
export interface ReportedRequest {
  url: string;
  method: string;
  /** ms since the epoch, from the HAR entry's startedDateTime. */
  startedAt: number;
}

const MAX_URL_LENGTH = 8192;
const MAX_COPIES = 32;
const TTL_MS = 60_000;
/**
 * The page's clock reads "requested" just before the network stack starts the request DevTools
 * reports; both are the same machine's wall clock, so a small window is enough. Wider would let
 * one sign-in's copy stand in for the next one's.
 */
const MATCH_WINDOW_MS = 2_000;

/** Copies arrive from page-side code: everything is checked, nothing is trusted. */
export function parseRecordedResponse(value: unknown): RecordedResponse | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const own = (k: string) => (Object.hasOwn(v, k) ? v[k] : undefined);
  const url = own('url');
  const method = own('method');
  const body = own('body');
  const requestedAt = own('requestedAt');
  const receivedAt = own('receivedAt');
  const status = own('status');
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(url)) return undefined;
  if (typeof method !== 'string' || !/^[A-Z]{1,16}$/.test(method)) return undefined;
  if (typeof body !== 'string' || body.length > RECORDER_MAX_BODY_BYTES) return undefined;
  if (!isTime(requestedAt) || !isTime(receivedAt) || receivedAt < requestedAt) return undefined;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 999) return undefined;
  return { url, method, body, requestedAt, receivedAt, status };
}

const isTime = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t > 0;
const withoutFragment = (url: string) => url.split('#')[0];

/**
 * Copies of token responses made in the page, waiting for DevTools to report the request they
 * belong to. A copy is only ever used for a request DevTools itself reported (same URL, method and
 * start time) whose body DevTools had lost, and each copy is used once: so a copy cannot invent a
 * request, a token under an origin the page never talked to, or override a body DevTools gave.
 */
export class RecordedCopies {
  private copies: RecordedResponse[] = [];
  private waiters = new Set<() => void>();

  constructor(private readonly clock: () => number = Date.now) {}

  add(copy: RecordedResponse): void {
    this.prune();
    this.copies.push(copy);
    if (this.copies.length > MAX_COPIES) this.copies.shift();
    for (const wake of [...this.waiters]) wake();
  }

  /** The copy for this request, removed from the store; the closest in time when several match. */
  take(request: ReportedRequest): RecordedResponse | undefined {
    this.prune();
    const url = withoutFragment(request.url);
    let best = -1;
    let bestDistance = Infinity;
    this.copies.forEach((c, i) => {
      if (withoutFragment(c.url) !== url || c.method !== request.method.toUpperCase()) return;
      if (c.requestedAt > request.startedAt + MATCH_WINDOW_MS || c.receivedAt < request.startedAt - MATCH_WINDOW_MS) return;
      const distance = Math.abs(c.requestedAt - request.startedAt);
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    return best < 0 ? undefined : this.copies.splice(best, 1)[0];
  }

  /** Waits up to `timeoutMs` for the copy of this request to arrive (it is sent when the page has read it). */
  waitFor(request: ReportedRequest, timeoutMs: number): Promise<RecordedResponse | undefined> {
    const found = this.take(request);
    if (found || timeoutMs <= 0) return Promise.resolve(found);
    return new Promise((resolve) => {
      const finish = (copy: RecordedResponse | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(copy);
      };
      const check = () => {
        const copy = this.take(request);
        if (copy) finish(copy);
      };
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      this.waiters.add(check);
    });
  }

  get size(): number {
    return this.copies.length;
  }

  clear(): void {
    this.copies = [];
  }

  private prune(): void {
    const oldest = this.clock() - TTL_MS;
    if (this.copies.some((c) => c.receivedAt < oldest)) this.copies = this.copies.filter((c) => c.receivedAt >= oldest);
  }
}
