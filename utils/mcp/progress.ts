/**
 * A call's progress bar from the server's `notifications/progress`. The server's numbers are
 * untrusted: a percentage only when `total` is a positive finite number, clamped to 0–100, and
 * never moving backwards on screen (a server whose progress drops or whose total grows).
 */
export interface ProgressView {
  /** The last progress number as sent (what `data-progress` shows). */
  progress: number;
  /** The last total, when the server gave one. */
  total?: number;
  /** 0–100, only when a percentage means something. */
  percent?: number;
  /** The server's last message, capped. */
  message?: string;
  /** Notifications taken so far. */
  count: number;
}

const MAX_MESSAGE = 500;

/** The view after one more notification; the same view when the notification carries no usable number. */
export function nextProgress(previous: ProgressView | undefined, params: { progress?: unknown; total?: unknown; message?: unknown }): ProgressView | undefined {
  const progress = params.progress;
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return previous;
  const total = typeof params.total === 'number' && Number.isFinite(params.total) ? params.total : undefined;
  const raw = total !== undefined && total > 0 ? Math.min(100, Math.max(0, (progress / total) * 100)) : undefined;
  // The bar keeps its furthest point, also through a notification that gives no total.
  const percent = raw === undefined ? previous?.percent : Math.max(raw, previous?.percent ?? 0);
  const message = typeof params.message === 'string' ? params.message.slice(0, MAX_MESSAGE) : previous?.message;
  return {
    progress,
    ...(total !== undefined ? { total } : {}),
    ...(percent !== undefined ? { percent } : {}),
    ...(message !== undefined ? { message } : {}),
    count: (previous?.count ?? 0) + 1,
  };
}

/** "3 of 5 (60 %)", "3", with the server's message after a dash. */
export function progressText(view: ProgressView): string {
  const amount = view.total !== undefined ? `${formatNumber(view.progress)} of ${formatNumber(view.total)}` : formatNumber(view.progress);
  const percent = view.percent !== undefined && view.total !== undefined ? ` (${Math.floor(view.percent)} %)` : '';
  return `${amount}${percent}${view.message ? ` — ${view.message}` : ''}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(4);
}
