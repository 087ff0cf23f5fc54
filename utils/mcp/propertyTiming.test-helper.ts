import { expect } from 'vitest';

/** No single generated input may take longer than this. */
export const PER_INPUT_MS = 50;

/**
 * Runs `fn` and asserts it took under PER_INPUT_MS. A run over budget is repeated once and the faster
 * run counts: a garbage collection can stall one run, while a slow input is slow every time.
 */
export function withinBudget<T>(fn: () => T, what: () => string = () => ''): T {
  let started = performance.now();
  let result = fn();
  let ms = performance.now() - started;
  if (ms >= PER_INPUT_MS) {
    started = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - started);
  }
  // expect() only on failure: it costs more than most inputs take.
  if (ms >= PER_INPUT_MS) expect(ms, what()).toBeLessThan(PER_INPUT_MS);
  return result;
}
