import { formatDuration } from '../utils/expiry';
import type { TokenTiming } from '../utils/tokenTiming';

/** Time left (or since expiry), re-rendered on every panel tick; `testId` differs between the detail and the list. */
export function TokenCountdown({ timing, testId }: { timing: TokenTiming; testId: string }) {
  if (timing.remaining === undefined) {
    return (
      <span className="countdown countdown-unknown" data-testid={testId} data-remaining-seconds="">
        no countdown
      </span>
    );
  }
  const text = timing.status === 'expired' ? `expired ${formatDuration(timing.remaining)} ago` : `${formatDuration(timing.remaining)} left`;
  return (
    <span className={`countdown countdown-${timing.status}`} data-testid={testId} data-remaining-seconds={timing.remaining} role="timer">
      {text}
    </span>
  );
}
