import { SPEC } from './specs';
import type { AuthFinding } from './types';

export const MAX_SKEW_SECONDS = 60;

/** The server's Date header against the local clock; skew is server minus local, in whole seconds. */
export function judgeClockSkew(dateHeader: string | null | undefined, localMs: number): { finding: AuthFinding; skewSeconds?: number } {
  const finding = (result: AuthFinding['result'], sentence: string, evidence: AuthFinding['evidence']): AuthFinding => ({
    check: 'clock-skew',
    result,
    sentence,
    evidence,
    spec: SPEC.clockSkew,
  });
  const serverMs = dateHeader ? Date.parse(dateHeader) : NaN;
  if (!dateHeader || Number.isNaN(serverMs)) {
    return {
      finding: finding(
        'skip',
        dateHeader ? "The server's Date header could not be read as a date." : 'The server sent no Date header.',
        dateHeader ? [{ label: 'Date', value: dateHeader.slice(0, 100) }] : [],
      ),
    };
  }
  const skewSeconds = Math.round((serverMs - localMs) / 1000);
  const evidence = [
    { label: 'Server Date', value: dateHeader.slice(0, 100) },
    { label: 'Local clock', value: new Date(localMs).toUTCString() },
    { label: 'Skew (s)', value: String(skewSeconds) },
  ];
  const direction = skewSeconds >= 0 ? 'ahead of' : 'behind';
  if (Math.abs(skewSeconds) > MAX_SKEW_SECONDS) {
    return {
      skewSeconds,
      finding: finding(
        'fail',
        `The server's clock is ${Math.abs(skewSeconds)} s ${direction} this one: token lifetimes and expiry warnings will be off by that much.`,
        evidence,
      ),
    };
  }
  return { skewSeconds, finding: finding('pass', `The server's clock is within ${MAX_SKEW_SECONDS} s of this one (${skewSeconds} s).`, evidence) };
}
