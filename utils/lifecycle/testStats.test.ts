import { describe, expect, it } from 'vitest';
import type { TestRunRecord } from './types';
import { testStats, testStatsByOrigin } from './testStats';

const O = 'https://portal.example.com';
const run = (outcome: 'pass' | 'fail', age?: number, left?: number, o: Partial<TestRunRecord> = {}): TestRunRecord => ({
  at: 0,
  origin: O,
  outcome,
  ...(outcome === 'fail' ? { errorKind: 'token-expired' } : {}),
  ...(age !== undefined || left !== undefined ? { tokenFingerprint: 'abc123abc123' } : {}),
  ...(age !== undefined ? { tokenAgeSeconds: age } : {}),
  ...(left !== undefined ? { tokenSecondsLeft: left } : {}),
  ...o,
});

describe('testStats', () => {
  it('answers "does it fail near expiry?": passes by token age and by time left, in words', () => {
    const runs = [
      ...Array.from({ length: 12 }, (_, i) => run('pass', i * 20, 900 - i * 20, { at: i })),
      run('pass', 850, 50),
      run('pass', 860, 40),
      run('pass', 870, 30),
      run('fail', 880, 20),
      run('fail', 890, 10),
      run('fail', 910, -10),
    ];
    const stats = testStats(runs, O);
    expect(stats).toMatchObject({ origin: O, runs: 18, passes: 15 });
    expect(stats.ageWords).toBe('first 5 min: 12/12; 5–15 min: 3/5; 15–60 min: 0/1');
    expect(stats.timeLeftWords).toBe('after expiry: 0/1; last minute: 3/5; 5–15 min left: 12/12');
    expect(stats.failures).toEqual([{ kind: 'token-expired', count: 3 }]);
  });

  it('puts each boundary in the bucket its label promises', () => {
    const stats = testStats(
      [run('fail', 0, 0), run('pass', 299, 60), run('pass', 300, 61), run('pass', 899, 300), run('pass', 900, 301), run('pass', 3600, 901)],
      O,
    );
    expect(stats.timeLeftWords).toBe('after expiry: 0/1; last minute: 1/1; 1–5 min left: 2/2; 5–15 min left: 1/1; over 15 min left: 1/1');
    expect(stats.ageWords).toBe('first 5 min: 1/2; 5–15 min: 2/2; 15–60 min: 1/1; over 1 h: 1/1');
  });

  it('puts runs without a token or without timing in buckets of their own, and a negative age (issuer clock ahead) in the first', () => {
    const stats = testStats([run('pass'), run('pass', undefined, 100), run('fail', -30, 200, { errorKind: 'unauthorized' })], O);
    expect(stats.byAge).toEqual([
      { label: 'first 5 min', runs: 1, passes: 0 },
      { label: 'age unknown', runs: 1, passes: 1 },
      { label: 'no token sent', runs: 1, passes: 1 },
    ]);
    expect(stats.timeLeftWords).toBe('1–5 min left: 1/2; no token sent: 1/1');
  });

  it('counts only runs against the origin asked for, in time order for the chart', () => {
    const stats = testStats([run('pass', 1, 1, { at: 20 }), run('fail', 1, 1, { origin: 'https://other.example' }), run('fail', 1, -5, { at: 10 })], O);
    expect(stats.runs).toBe(2);
    expect(stats.timeline).toEqual([
      { at: 10, outcome: 'fail', secondsLeft: -5, errorKind: 'token-expired' },
      { at: 20, outcome: 'pass', secondsLeft: 1 },
    ]);
    expect(testStats([], O)).toMatchObject({ runs: 0, passes: 0, byAge: [], ageWords: '' });
  });

  it('makes one entry per origin, the most recently tested first', () => {
    const stats = testStatsByOrigin([run('pass', 1, 1, { at: 1 }), run('pass', 1, 1, { at: 5, origin: 'https://b.example' }), run('fail', 1, 1, { at: 3 })]);
    expect(stats.map((s) => [s.origin, s.runs])).toEqual([
      ['https://b.example', 1],
      [O, 2],
    ]);
  });
});
