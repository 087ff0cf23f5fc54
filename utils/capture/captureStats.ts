/** Counters the panel shows so a user can tell "no tokens" from "nothing captured". */
export interface CaptureStats {
  requestsSeen: number;
  bodiesRead: number;
  /** Bodies DevTools had already dropped when asked (e.g. after history.replaceState on an OAuth callback). */
  bodiesLost: number;
  backfilled: number;
}

export const EMPTY_CAPTURE_STATS: CaptureStats = { requestsSeen: 0, bodiesRead: 0, bodiesLost: 0, backfilled: 0 };
