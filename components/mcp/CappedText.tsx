import { useMemo, useState } from 'react';
import { capText, jsonText, moreText } from '../../utils/mcp/jsonText';

type Tag = 'span' | 'div' | 'pre' | 'code' | 'dd';

interface CappedProps {
  /** Characters shown at first; each click on "… N KB more" shows four times as many. */
  limit?: number;
  as?: Tag;
  className?: string;
  testId?: string;
}

function More({ omitted, uncounted, onMore }: { omitted: number; uncounted?: boolean; onMore(): void }) {
  return (
    <button type="button" className="link-button more-text" data-testid="show-more" onClick={onMore}>
      {moreText(omitted, uncounted)}
    </button>
  );
}

/** Server text as text, capped: a megabyte-long description or result must not freeze the panel. */
export function CappedText({ text, limit = 20_000, as: Tag = 'span', className, testId }: CappedProps & { text: string }) {
  const [shown, setShown] = useState(limit);
  const capped = capText(text, shown);
  return (
    <Tag className={className} data-testid={testId}>
      {capped.text}
      {capped.omittedChars > 0 && <More omitted={capped.omittedChars} onMore={() => setShown((n) => n * 4)} />}
    </Tag>
  );
}

/** Server data as indented JSON, capped, at any depth (JSON.stringify overflows on deep nesting). */
export function CappedJson({ value, limit = 50_000, className = 'json', testId }: Omit<CappedProps, 'as'> & { value: unknown }) {
  const [shown, setShown] = useState(limit);
  const text = useMemo(() => jsonText(value, { maxChars: shown }), [value, shown]);
  return (
    <pre className={className} data-testid={testId}>
      {text.text}
      {text.omittedChars > 0 && <More omitted={text.omittedChars} uncounted={text.uncounted} onMore={() => setShown((n) => n * 4)} />}
    </pre>
  );
}
