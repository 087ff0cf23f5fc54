import { useEffect, useState } from 'react';

/** Minutes before expiry at which a token counts as "expiring". */
export function WarningWindowSetting({ seconds, onChange }: { seconds: number; onChange(seconds: number): void }) {
  const [text, setText] = useState(String(seconds / 60));
  useEffect(() => setText(String(seconds / 60)), [seconds]);
  const commit = () => {
    const minutes = Number(text);
    if (Number.isFinite(minutes) && minutes >= 0 && minutes <= 10080) onChange(Math.round(minutes * 60));
    else setText(String(seconds / 60));
  };
  return (
    <label className="warning-window">
      Warn
      <input
        data-testid="warning-window-minutes"
        type="number"
        min={0}
        step="any"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      min before expiry
    </label>
  );
}
