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
 * The page asks (its clock) a moment before the network stack starts the request DevTools reports
 * (the same machine's wall clock): a copy belongs to a request that started at most
 * MATCH_AFTER_MS after the page asked and at most MATCH_BEFORE_MS before. Tight on the "after"
 * side, so the next sign-in's copy can never stand in for the previous one's.
 */
const MATCH_AFTER_MS = 5_000;
const MATCH_BEFORE_MS = 250;

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

interface Waiter {
  request: ReportedRequest;
  deliver(copy: RecordedResponse | undefined): void;
}

/** How far apart a copy and a reported request are (ms), or Infinity when the copy cannot be that request's. */
function matchDistance(copy: RecordedResponse, request: ReportedRequest): number {
  if (withoutFragment(copy.url) !== withoutFragment(request.url) || copy.method !== request.method.toUpperCase()) return Infinity;
  const after = request.startedAt - copy.requestedAt;
  if (after > MATCH_AFTER_MS || after < -MATCH_BEFORE_MS || copy.receivedAt < request.startedAt - MATCH_BEFORE_MS) return Infinity;
  return Math.abs(after);
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
  private waiters = new Set<Waiter>();

  constructor(private readonly clock: () => number = Date.now) {}

  add(copy: RecordedResponse): void {
    this.prune();
    let best: Waiter | undefined;
    let bestDistance = Infinity;
    for (const w of this.waiters) {
      const distance = matchDistance(copy, w.request);
      if (distance < bestDistance) [best, bestDistance] = [w, distance];
    }
    if (best) return best.deliver(copy);
    this.copies.push(copy);
    if (this.copies.length > MAX_COPIES) this.copies.shift();
  }

  /** The copy for this request, removed from the store; the closest in time when several match. */
  take(request: ReportedRequest): RecordedResponse | undefined {
    this.prune();
    let best = -1;
    let bestDistance = Infinity;
    this.copies.forEach((c, i) => {
      const distance = matchDistance(c, request);
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    return best < 0 ? undefined : this.copies.splice(best, 1)[0];
  }

  /**
   * Waits up to `timeoutMs` for the copy of this request to arrive (it is sent when the page has
   * read it). A copy that arrives goes to the waiting request it fits best, never to whichever
   * waiter happens to look first.
   */
  waitFor(request: ReportedRequest, timeoutMs: number): Promise<RecordedResponse | undefined> {
    const found = this.take(request);
    if (found || timeoutMs <= 0) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        request,
        deliver: (copy) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(copy);
        },
      };
      const timer = setTimeout(() => waiter.deliver(undefined), timeoutMs);
      this.waiters.add(waiter);
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
