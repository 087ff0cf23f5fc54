/** Settings for background warnings; stored in storage.local (settings only, never token data). */
export interface WarningSettings {
  /** Seconds before expiry at which to warn, besides the expiry itself. */
  thresholdsSeconds: number[];
  /** For a token that lives shorter than a threshold: warn at this share of its lifetime before expiry instead (0 = off). */
  shareOfLifetime: number;
  notificationsEnabled: boolean;
}

export const DEFAULT_WARNING_SETTINGS: WarningSettings = { thresholdsSeconds: [600, 120], shareOfLifetime: 0.25, notificationsEnabled: true };

export function parseWarningSettings(raw: unknown): WarningSettings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const thresholds = Array.isArray(o.thresholdsSeconds)
    ? [...new Set(o.thresholdsSeconds.filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t > 0 && t <= 7 * 86400).map(Math.round))]
        .sort((a, b) => b - a)
        .slice(0, 5)
    : DEFAULT_WARNING_SETTINGS.thresholdsSeconds;
  const share =
    typeof o.shareOfLifetime === 'number' && o.shareOfLifetime >= 0 && o.shareOfLifetime < 1 ? o.shareOfLifetime : DEFAULT_WARNING_SETTINGS.shareOfLifetime;
  return {
    thresholdsSeconds: thresholds,
    shareOfLifetime: share,
    notificationsEnabled: typeof o.notificationsEnabled === 'boolean' ? o.notificationsEnabled : DEFAULT_WARNING_SETTINGS.notificationsEnabled,
  };
}

/**
 * Seconds-before-expiry at which one token is warned about, largest first, always ending with 0
 * (the expiry itself). Thresholds as long as the token's whole lifetime would fire the moment it
 * is issued, so they are dropped — and replaced by a share of the lifetime, so a 90-second token
 * still gets one warning before it dies.
 */
export function warningThresholds(lifetimeSeconds: number | undefined, settings: WarningSettings): number[] {
  const absolute = settings.thresholdsSeconds;
  if (lifetimeSeconds === undefined || lifetimeSeconds <= 0) return [...absolute, 0];
  const fitting = absolute.filter((t) => t < lifetimeSeconds);
  const dropped = fitting.length < absolute.length;
  const share = dropped && settings.shareOfLifetime > 0 ? Math.max(1, Math.round(lifetimeSeconds * settings.shareOfLifetime)) : undefined;
  const all = share !== undefined && !fitting.includes(share) && fitting.every((t) => t > share) ? [...fitting, share] : fitting;
  return [...all.sort((a, b) => b - a), 0];
}
