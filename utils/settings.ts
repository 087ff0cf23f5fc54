import { DEFAULT_WARNING_WINDOW_SECONDS } from './expiry';

export interface InspectorSettings {
  warningWindowSeconds: number;
}

export const DEFAULT_SETTINGS: InspectorSettings = { warningWindowSeconds: DEFAULT_WARNING_WINDOW_SECONDS };

/** Stored settings are untrusted input (older versions, hand edits): keep only sane values. */
export function parseSettings(raw: unknown): InspectorSettings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const w = obj.warningWindowSeconds;
  return {
    warningWindowSeconds: typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= 7 * 86400 ? Math.round(w) : DEFAULT_SETTINGS.warningWindowSeconds,
  };
}
