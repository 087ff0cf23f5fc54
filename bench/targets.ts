/** One line per target, measured against its limit: `ok` or `over`. */
export function target(name: string, value: number, limit: number, unit: string, opts: { atLeast?: boolean; digits?: number; note?: string } = {}): boolean {
  const ok = opts.atLeast ? value >= limit : value <= limit;
  const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: opts.digits ?? 1 });
  console.log(
    `${ok ? 'ok  ' : 'over'}  ${name}: ${fmt(value)} ${unit} (limit ${opts.atLeast ? '≥' : '≤'} ${fmt(limit)} ${unit})${opts.note ? ` — ${opts.note}` : ''}`,
  );
  return ok;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
