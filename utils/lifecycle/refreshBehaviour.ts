import type { RefreshEvent, RefreshSummary } from './model';

/** An OAuth token-endpoint error code in plain words. */
export function oauthErrorWords(code: string): string {
  void code;
  throw new Error('not yet');
}

/** How the page refreshes one lineage, in short sentences. */
export function refreshSummary(events: RefreshEvent[]): RefreshSummary {
  void events;
  throw new Error('not yet');
}
