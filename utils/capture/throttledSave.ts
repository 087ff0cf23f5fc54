/**
 * Runs `save` at once when `urgent()` says so (something new would otherwise be lost if DevTools
 * closed now), else at most every `intervalMs` while changes keep coming.
 */
export function createThrottledSave(save: () => void, intervalMs: number, urgent: () => boolean, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    last = now();
    save();
  };
  return {
    /** Something changed. */
    changed() {
      if (urgent()) return run();
      timer ??= setTimeout(run, Math.max(0, last + intervalMs - now()));
    },
    /** Drop a pending save (the data it would write is gone). */
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
