import { describe, expect, it } from 'vitest';
import { formatDurationList, parseDurationList } from './parseDurations';

describe('parseDurationList', () => {
  it('reads minutes, seconds and hours, largest first, without duplicates', () => {
    expect(parseDurationList('2m, 10m 45s, 1h, 2')).toEqual({ ok: true, seconds: [3600, 600, 120, 45] });
    expect(formatDurationList([3600, 600, 45])).toBe('1h, 10m, 45s');
  });
  it('says what is wrong with bad input', () => {
    expect(parseDurationList('10 minutes')).toMatchObject({ ok: false, error: expect.stringMatching(/"minutes" is not a duration/) });
    expect(parseDurationList('0s')).toMatchObject({ ok: false });
  });
});
