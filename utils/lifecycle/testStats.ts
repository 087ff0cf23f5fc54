import type { Bucket, TestStats } from './model';
import type { TestRunRecord } from './types';

interface BucketRule {
  label: string;
  test: (seconds: number) => boolean;
}

/**
 * By token age: the first minutes are where a fresh token should always pass; a failure later says
 * the server (or a cache) treats older tokens differently.
 */
const AGE_BUCKETS: BucketRule[] = [
  { label: 'first 5 min', test: (s) => s < 300 },
  { label: '5–15 min', test: (s) => s < 900 },
  { label: '15–60 min', test: (s) => s < 3600 },
  { label: 'over 1 h', test: () => true },
];

/**
 * By time left: these answer "does it fail near expiry?" — the last minute is where clock skew
 * between this computer and the server shows, and after expiry every run should fail.
 */
const TIME_LEFT_BUCKETS: BucketRule[] = [
  { label: 'after expiry', test: (s) => s <= 0 },
  { label: 'last minute', test: (s) => s <= 60 },
  { label: '1–5 min left', test: (s) => s <= 300 },
  { label: '5–15 min left', test: (s) => s <= 900 },
  { label: 'over 15 min left', test: () => true },
];

const NO_TOKEN = 'no token sent';
const AGE_UNKNOWN = 'age unknown';
const TIME_LEFT_UNKNOWN = 'expiry unknown';

/** Outcomes of the Test tools now runs against one origin, by token age and by time left. */
export function testStats(runs: TestRunRecord[], origin: string): TestStats {
  const mine = runs.filter((r) => r.origin === origin).sort((a, b) => a.at - b.at);
  const byAge = bucketize(mine, AGE_BUCKETS, (r) => r.tokenAgeSeconds, AGE_UNKNOWN, true);
  const byTimeLeft = bucketize(mine, TIME_LEFT_BUCKETS, (r) => r.tokenSecondsLeft, TIME_LEFT_UNKNOWN, false);
  const failures = new Map<string, number>();
  for (const r of mine) if (r.outcome === 'fail') failures.set(r.errorKind ?? 'unknown', (failures.get(r.errorKind ?? 'unknown') ?? 0) + 1);
  return {
    origin,
    runs: mine.length,
    passes: mine.filter((r) => r.outcome === 'pass').length,
    byAge,
    byTimeLeft,
    failures: [...failures].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1)),
    ageWords: bucketWords(byAge),
    timeLeftWords: bucketWords(byTimeLeft),
    timeline: mine.map((r) => ({
      at: r.at,
      outcome: r.outcome,
      ...(finite(r.tokenSecondsLeft) ? { secondsLeft: r.tokenSecondsLeft } : {}),
      ...(r.errorKind !== undefined ? { errorKind: r.errorKind } : {}),
    })),
  };
}

/** Every origin that has runs, newest run first: one TestStats each. */
export function testStatsByOrigin(runs: TestRunRecord[]): TestStats[] {
  const newest = new Map<string, number>();
  for (const r of runs) newest.set(r.origin, Math.max(newest.get(r.origin) ?? -Infinity, r.at));
  return [...newest].sort((a, b) => b[1] - a[1]).map(([origin]) => testStats(runs, origin));
}

/** "first 5 min: 12/12; last minute: 3/5". */
export function bucketWords(buckets: Bucket[]): string {
  return buckets.map((b) => `${b.label}: ${b.passes}/${b.runs}`).join('; ');
}

function bucketize(
  runs: TestRunRecord[],
  rules: BucketRule[],
  value: (r: TestRunRecord) => number | undefined,
  unknownLabel: string,
  clampAtZero: boolean,
): Bucket[] {
  const labels = [...rules.map((r) => r.label), unknownLabel, NO_TOKEN];
  const counts = new Map(labels.map((l) => [l, { label: l, runs: 0, passes: 0 }]));
  for (const run of runs) {
    const v = value(run);
    let label: string;
    if (run.tokenFingerprint === undefined && !finite(v)) label = NO_TOKEN;
    else if (!finite(v)) label = unknownLabel;
    // An age below zero is an issuer clock ahead of ours: the token was brand new.
    else label = rules.find((rule) => rule.test(clampAtZero ? Math.max(0, v) : v))!.label;
    const bucket = counts.get(label)!;
    bucket.runs++;
    if (run.outcome === 'pass') bucket.passes++;
  }
  return labels.map((l) => counts.get(l)!).filter((b) => b.runs > 0);
}

function finite(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
