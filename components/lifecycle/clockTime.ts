/**
 * "14:05:09" on this machine's clock (the page's events are seconds apart); with the date in front
 * when it is another day than `nowMs`, so a 24 h cookie's expiry does not read like its issue time.
 */
export function clockTime(ms: number, nowMs = ms): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an invalid time';
  const time = date.toLocaleTimeString([], { hour12: false });
  return date.toDateString() === new Date(nowMs).toDateString() ? time : `${date.toLocaleDateString()} ${time}`;
}
