import { formatDuration } from '../utils/tokens/expiry';
import type { TokenTiming } from '../utils/tokens/tokenTiming';

/** Loud, and only when it matters: the selected token is inside the warning window or already dead. */
export function ExpiryBanner({ timing, hasRefreshToken }: { timing: TokenTiming; hasRefreshToken: boolean }) {
  if ((timing.status !== 'expiring' && timing.status !== 'expired') || timing.remaining === undefined) return null;
  const next = hasRefreshToken
    ? 'The page received a refresh token with it, so it can get a new one; if it does, the panel picks it up.'
    : 'Sign in to the page again (or reload it) and the panel will pick up the new token.';
  return (
    <div className={`banner banner-${timing.status}`} data-testid="expiry-banner" data-status={timing.status} role="alert">
      <strong>
        {timing.status === 'expired'
          ? `This token expired ${formatDuration(timing.remaining)} ago.`
          : `This token expires in ${formatDuration(timing.remaining)}.`}
      </strong>{' '}
      {next}
    </div>
  );
}
