import { useEffect, useState } from 'react';

/**
 * A button that copies and says so for a moment; `copy` is injected so components never touch
 * browser APIs. `text` may be a function, so costly text is built on click, not on every render.
 */
export function CopyButton({
  label,
  text,
  copy,
  testId,
  data,
}: {
  label: string;
  text: string | (() => string);
  copy(text: string): Promise<boolean>;
  testId?: string;
  /** More automation attributes (`data-format` …). */
  data?: Record<`data-${string}`, string>;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      data-testid={testId}
      {...data}
      onClick={async () => setState((await copy(typeof text === 'function' ? text() : text)) ? 'copied' : 'failed')}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
