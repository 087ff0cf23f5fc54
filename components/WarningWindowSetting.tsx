import { useState } from 'react';

/** Minutes before expiry at which a token counts as "expiring". */
export function WarningWindowSetting({ seconds, onChange }: { seconds: number; onChange(seconds: number): void }) {
  const [text, setText] = useState(String(seconds / 60));
  // Follow a setting loaded from storage, unless the text already says it (adjusted while rendering).
  const [followed, setFollowed] = useState(seconds);
  if (followed !== seconds) {
    setFollowed(seconds);
    if (Math.round(Number(text) * 60) !== seconds) setText(String(seconds / 60));
  }
  const valid = (t: string) => t.trim() !== '' && Number.isFinite(Number(t)) && Number(t) >= 0 && Number(t) <= 10080;
  // Applied while typing when valid; a bad value snaps back when the field is left.
  const change = (t: string) => {
    setText(t);
    if (valid(t)) onChange(Math.round(Number(t) * 60));
  };
  const commit = () => {
    if (!valid(text)) setText(String(seconds / 60));
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
        onChange={(e) => change(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      min before expiry
    </label>
  );
}
