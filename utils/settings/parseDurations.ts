/** "10m, 2m, 45s, 1h" → seconds, largest first. A bare number means minutes (the unit the UI shows). */
export function parseDurationList(text: string): { ok: true; seconds: number[] } | { ok: false; error: string } {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const seconds: number[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*(h|m|min|s|sec)?$/i.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not a duration; write e.g. 10m, 2m or 45s.` };
    const n = Number(m[1]);
    const unit = (m[2] ?? 'm').toLowerCase();
    const value = Math.round(unit === 'h' ? n * 3600 : unit.startsWith('s') ? n : n * 60);
    if (value <= 0 || value > 7 * 86400) return { ok: false, error: `"${part}" is out of range (1 s to 7 days).` };
    seconds.push(value);
  }
  return { ok: true, seconds: [...new Set(seconds)].sort((a, b) => b - a).slice(0, 5) };
}

export function formatDurationList(seconds: number[]): string {
  return seconds.map((s) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`)).join(', ');
}
