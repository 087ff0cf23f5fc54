import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledSave } from './throttledSave';

describe('createThrottledSave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves urgent changes at once and coalesces the rest into one save per interval', () => {
    const save = vi.fn();
    let urgent = true;
    const saver = createThrottledSave(save, 500, () => urgent);
    saver.changed();
    expect(save).toHaveBeenCalledTimes(1);
    urgent = false;
    for (let i = 0; i < 10; i++) saver.changed();
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledTimes(2);
    saver.changed();
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
