/**
 * Where a key moves the selection in a list, like DevTools' own lists: arrows one step, Home and End
 * to the ends. Undefined when the key does not move it (or would leave the list).
 */
export function nextListIndex(key: string, current: number, length: number): number | undefined {
  const next = key === 'ArrowDown' ? current + 1 : key === 'ArrowUp' ? current - 1 : key === 'Home' ? 0 : key === 'End' ? length - 1 : undefined;
  return next === undefined || next < 0 || next >= length ? undefined : next;
}
