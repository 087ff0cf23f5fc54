import type { TokenRow } from '../utils/capture/tokenLedger';

export type SiteAccess = 'granted' | 'not-granted' | 'unknown';

interface Props {
  row: TokenRow;
  /** The inspected page's origin, and whether the extension may access it. */
  pageOrigin?: string;
  siteAccess: SiteAccess;
  reloading: boolean;
  onAllowSite(): void;
  onReloadAndCapture(): void;
}

/**
 * Says why a token's expiry is unknown when its token response was lost, and offers the two
 * fixes: allow the site (the recorder then runs before the page's scripts on every load), or
 * reload once with the recorder injected.
 */
export function LostExpiryHelp({ row, pageOrigin, siteAccess, reloading, onAllowSite, onReloadAndCapture }: Props) {
  if (!row.expiryLost) return null;
  return (
    <div className="lost-expiry" role="note" data-testid="expiry-lost-help" data-site-access={siteAccess}>
      <p>
        <strong>Expiry lost.</strong> This token came from a token response (<code>{row.expiryLost.endpoint}</code>) that DevTools dropped before it could be
        read: the page changed its URL (an OAuth callback's <code>history.replaceState</code>) right after the answer arrived, and DevTools forgets response
        bodies then.
      </p>
      {siteAccess === 'granted' ? (
        <p>
          The extension may access {pageOrigin ?? 'this site'}, so from the next page load on it keeps its own copy of token responses, made before the
          page&rsquo;s scripts run. Sign in again (or reload) to capture the expiry.
        </p>
      ) : (
        <p>
          To keep a copy of token responses before the page&rsquo;s scripts run, the extension needs access to {pageOrigin ?? 'this site'}. Allow it for every
          sign-in, or reload once with the recorder.
        </p>
      )}
      <div className="actions">
        {siteAccess !== 'granted' && pageOrigin && (
          <button type="button" data-testid="allow-on-site" onClick={onAllowSite}>
            Allow on this site
          </button>
        )}
        <button type="button" data-testid="reload-and-capture" disabled={reloading} onClick={onReloadAndCapture}>
          {reloading ? 'Reloading…' : 'Reload and capture'}
        </button>
      </div>
    </div>
  );
}
