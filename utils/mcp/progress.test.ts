import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextProgress, progressText, type ProgressView } from './progress';

describe('progress maths', () => {
  it('gives a percentage only with a positive finite total', () => {
    expect(nextProgress(undefined, { progress: 2, total: 5 })).toEqual({ progress: 2, total: 5, percent: 40, count: 1 });
    expect(nextProgress(undefined, { progress: 2 })).toEqual({ progress: 2, count: 1 });
    expect(nextProgress(undefined, { progress: 2, total: 0 })?.percent).toBeUndefined();
    expect(nextProgress(undefined, { progress: 2, total: -3 })?.percent).toBeUndefined();
    // JSON.parse('1e400') is Infinity: a server can send it.
    expect(nextProgress(undefined, { progress: 2, total: Infinity })).toEqual({ progress: 2, count: 1 });
  });

  it('clamps to 0–100 and keeps the raw number for data-progress', () => {
    expect(nextProgress(undefined, { progress: 12, total: 5 })).toMatchObject({ progress: 12, percent: 100 });
    expect(nextProgress(undefined, { progress: -1, total: 5 })).toMatchObject({ progress: -1, percent: 0 });
  });

  it('never moves the bar backwards, whatever the server sends next', () => {
    const a = nextProgress(undefined, { progress: 4, total: 5 });
    const b = nextProgress(a, { progress: 1, total: 5 });
    expect(b).toMatchObject({ progress: 1, percent: 80, count: 2 });
    const c = nextProgress(b, { progress: 4, total: 50 });
    expect(c?.percent).toBe(80);
    // A notification without a total in between does not reset the bar (found by the property below).
    const d = nextProgress(nextProgress(c, { progress: 0 }), { progress: 0, total: 1 });
    expect(d?.percent).toBe(80);
  });

  it('ignores a notification without a finite progress number', () => {
    const a = nextProgress(undefined, { progress: 1, total: 2 });
    expect(nextProgress(a, { progress: 'x' })).toBe(a);
    expect(nextProgress(a, { progress: Infinity })).toBe(a);
    expect(nextProgress(undefined, {})).toBeUndefined();
  });

  it('keeps the last message, capped, and says it in words', () => {
    const a = nextProgress(undefined, { progress: 3, total: 5, message: 'Section 3' })!;
    expect(progressText(a)).toBe('3 of 5 (60 %) — Section 3');
    expect(progressText(nextProgress(a, { progress: 4 })!)).toBe('4 — Section 3');
    expect(nextProgress(undefined, { progress: 1, message: 'm'.repeat(10_000) })!.message).toHaveLength(500);
  });

  it('property: the percentage stays within 0–100 and never decreases over any sequence', () => {
    const number = fc.oneof(fc.double(), fc.integer(), fc.constant(Infinity), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(fc.record({ progress: fc.oneof(number, fc.string()), total: fc.option(number, { nil: undefined }) }), { maxLength: 30 }),
        (events) => {
          let view: ProgressView | undefined;
          let last = -1;
          for (const e of events) {
            view = nextProgress(view, e);
            if (view?.percent === undefined) continue;
            expect(view.percent).toBeGreaterThanOrEqual(0);
            expect(view.percent).toBeLessThanOrEqual(100);
            expect(view.percent).toBeGreaterThanOrEqual(last);
            last = view.percent;
          }
        },
      ),
    );
  });
});
