import { DEFAULT_WARNING_WINDOW_SECONDS } from '../tokens/expiry';
import { DEFAULT_WARNING_SETTINGS, parseWarningSettings, type WarningSettings } from '../expiryWarnings/warningSettings';

/** Everything the user can set; stored in storage.local under one key. Settings only, never token data. */
export interface InspectorSettings extends WarningSettings {
  /** Seconds before expiry at which the panel calls a token "expiring" (the banner). */
  warningWindowSeconds: number;
}

/** Read by the panel (which writes it) and the background (which plans alarms from it). */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: InspectorSettings = { warningWindowSeconds: DEFAULT_WARNING_WINDOW_SECONDS, ...DEFAULT_WARNING_SETTINGS };

/** Stored settings are untrusted input (older versions, hand edits): keep only sane values. */
export function parseSettings(raw: unknown): InspectorSettings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const w = obj.warningWindowSeconds;
  return {
    ...parseWarningSettings(raw),
    warningWindowSeconds: typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= 7 * 86400 ? Math.round(w) : DEFAULT_SETTINGS.warningWindowSeconds,
  };
}
