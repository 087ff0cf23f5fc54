/**
 * Ticks on each whole second of the wall clock (not every 1000 ms from an arbitrary start), so all
 * countdowns change together and the value is always recomputed from Date.now(): no drift.
 */
export function startClock(onTick: (nowMs: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const schedule = () => {
    const now = Date.now();
    onTick(now);
    timer = setTimeout(schedule, 1000 - (now % 1000) + 5);
  };
  schedule();
  return () => clearTimeout(timer);
}
