/**
 * Small wording helpers shared by the lifecycle modules: durations as people say them, and server
 * or token text cut to a length that fits a sentence.
 */

/** "1 h", "15 min", "1 h 30 min", "45 s", "2 d 3 h": two units at most; negative input reads as its size. */
export function durationWords(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'unknown';
  const s = Math.round(Math.abs(totalSeconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 && minutes < 10 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** Text cut to `max` characters with an ellipsis; control characters shown as spaces so one value is one line. */
export function clip(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** "17:40 UTC" for a time today (UTC), else "2026-05-03 17:40 UTC". */
export function utcClock(atMs: number, nowMs: number): string {
  const at = new Date(atMs);
  if (Number.isNaN(at.getTime())) return 'an invalid time';
  const iso = at.toISOString();
  const sameDay = iso.slice(0, 10) === new Date(nowMs).toISOString().slice(0, 10);
  return sameDay ? `${iso.slice(11, 16)} UTC` : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Count with a noun: "1 token", "3 tokens". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
