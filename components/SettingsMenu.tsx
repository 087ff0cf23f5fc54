import { useEffect, useState } from 'react';
import type { WarningSettings } from '../utils/expiryWarnings/warningSettings';
import { formatDurationList, parseDurationList } from '../utils/parseDurations';
import { WarningWindowSetting } from './WarningWindowSetting';

interface Props {
  warningWindowSeconds: number;
  warnings: WarningSettings;
  onWarningWindow(seconds: number): void;
  onWarnings(settings: WarningSettings): void;
}

/** When the panel calls a token "expiring", and when the background warns (notification + badge). Settings only. */
export function SettingsMenu({ warningWindowSeconds, warnings, onWarningWindow, onWarnings }: Props) {
  const [thresholds, setThresholds] = useState(formatDurationList(warnings.thresholdsSeconds));
  const [error, setError] = useState<string>();
  // Follow settings loaded from storage, but never rewrite what the user is typing.
  useEffect(() => {
    setThresholds((current) => {
      const parsed = parseDurationList(current);
      return parsed.ok && parsed.seconds.join() === warnings.thresholdsSeconds.join() ? current : formatDurationList(warnings.thresholdsSeconds);
    });
  }, [warnings.thresholdsSeconds]);
  // Saved as soon as the text is valid; an error is shown only once the user leaves the field.
  const change = (text: string) => {
    setThresholds(text);
    const parsed = parseDurationList(text);
    if (parsed.ok && parsed.seconds.length > 0) {
      setError(undefined);
      if (parsed.seconds.join() !== warnings.thresholdsSeconds.join()) onWarnings({ ...warnings, thresholdsSeconds: parsed.seconds });
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
        <WarningWindowSetting seconds={warningWindowSeconds} onChange={onWarningWindow} />
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
            value={Math.round(warnings.shareOfLifetime * 100)}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n) && n >= 0 && n <= 90) onWarnings({ ...warnings, shareOfLifetime: n / 100 });
            }}
          />
        </label>
        <label className="inline">
          <input data-testid="notifications-enabled" type="checkbox" checked={warnings.notificationsEnabled} onChange={(e) => onWarnings({ ...warnings, notificationsEnabled: e.target.checked })} />
          Browser notifications
        </label>
      </div>
    </details>
  );
}
