import { useState } from 'react';
import type { InspectorSettings } from '../utils/settings/settings';
import { formatDurationList, parseDurationList } from '../utils/settings/parseDurations';
import { WarningWindowSetting } from './WarningWindowSetting';

interface Props {
  settings: InspectorSettings;
  onChange(settings: InspectorSettings): void;
}

/** When the panel calls a token "expiring", and when the background warns (notification + badge). Settings only. */
export function SettingsMenu({ settings, onChange }: Props) {
  const [thresholds, setThresholds] = useState(formatDurationList(settings.thresholdsSeconds));
  const [error, setError] = useState<string>();
  // Follow settings loaded from storage, but never rewrite what the user is typing (adjusted while
  // rendering, when the setting changes, rather than in an effect that renders twice).
  const thresholdsKey = settings.thresholdsSeconds.join();
  const [followedKey, setFollowedKey] = useState(thresholdsKey);
  if (followedKey !== thresholdsKey) {
    setFollowedKey(thresholdsKey);
    const parsed = parseDurationList(thresholds);
    if (!(parsed.ok && parsed.seconds.join() === thresholdsKey)) setThresholds(formatDurationList(settings.thresholdsSeconds));
  }
  // Saved as soon as the text is valid; an error is shown only once the user leaves the field.
  const change = (text: string) => {
    setThresholds(text);
    const parsed = parseDurationList(text);
    if (parsed.ok && parsed.seconds.length > 0) {
      setError(undefined);
      if (parsed.seconds.join() !== settings.thresholdsSeconds.join()) onChange({ ...settings, thresholdsSeconds: parsed.seconds });
    }
  };
  const commitThresholds = () => {
    const parsed = parseDurationList(thresholds);
    setError(parsed.ok ? (parsed.seconds.length === 0 ? 'Give at least one time, e.g. 2m.' : undefined) : parsed.error);
  };
  return (
    <details className="settings-menu">
      <summary data-testid="settings-toggle">Settings</summary>
      <div className="settings-body">
        <WarningWindowSetting seconds={settings.warningWindowSeconds} onChange={(seconds) => onChange({ ...settings, warningWindowSeconds: seconds })} />
        <label>
          <span className="field-label">Warn (notification and toolbar badge) at</span>
          <input
            data-testid="warning-thresholds"
            value={thresholds}
            onChange={(e) => change(e.target.value)}
            onBlur={commitThresholds}
            onKeyDown={(e) => e.key === 'Enter' && commitThresholds()}
            placeholder="10m, 2m"
          />
          <span className="muted small">before expiry, and at expiry. Minutes unless marked: 10m, 90s, 1h.</span>
        </label>
        {error && (
          <p className="input-error" role="alert" data-testid="warning-thresholds-error">
            {error}
          </p>
        )}
        <label>
          <span className="field-label">For tokens shorter-lived than a threshold, warn at this share of their lifetime (%)</span>
          <input
            data-testid="warning-share"
            type="number"
            min={0}
            max={90}
            value={Math.round(settings.shareOfLifetime * 100)}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n) && n >= 0 && n <= 90) onChange({ ...settings, shareOfLifetime: n / 100 });
            }}
          />
        </label>
        <label className="inline">
          <input
            data-testid="notifications-enabled"
            type="checkbox"
            checked={settings.notificationsEnabled}
            onChange={(e) => onChange({ ...settings, notificationsEnabled: e.target.checked })}
          />
          Browser notifications
        </label>
      </div>
    </details>
  );
}
