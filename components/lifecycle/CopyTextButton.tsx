import { useEffect, useState } from 'react';

/**
 * A copy button that carries its own automation attributes (`data-format` …) and copies exactly
 * the text it was rendered with, so what it copies is what the preview beside it shows.
 */
export function CopyTextButton({
  label,
  text,
  copy,
  data,
}: {
  label: string;
  text: string;
  copy(text: string): Promise<boolean>;
  data: Record<`data-${string}`, string>;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button type="button" {...data} onClick={async () => setState((await copy(text)) ? 'copied' : 'failed')}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
