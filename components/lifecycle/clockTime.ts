/** "14:05:09": the time of day of a lifecycle event, on this machine's clock (the page's events are seconds apart). */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'an invalid time' : date.toLocaleTimeString([], { hour12: false });
}
