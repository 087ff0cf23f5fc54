import { timeLeftWords, type ExpiryStatus } from '../utils/tokens/expiry';

/** Time left (or since expiry), re-rendered on every panel tick; `testId` differs between the detail and the list. */
export function TokenCountdown({ status, remaining, testId }: { status: ExpiryStatus; remaining?: number; testId: string }) {
  if (remaining === undefined) {
    return (
      <span className="countdown countdown-unknown" data-testid={testId} data-remaining-seconds="">
        no countdown
      </span>
    );
  }
  const text = timeLeftWords(remaining);
  return (
    <span className={`countdown countdown-${status}`} data-testid={testId} data-remaining-seconds={remaining} role="timer">
      {text}
    </span>
  );
}
