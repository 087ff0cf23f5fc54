import { memo, type KeyboardEvent } from 'react';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { CappedText } from './CappedText';
import { nextListIndex } from '../../utils/panel/listKeyboard';

const ANNOTATIONS: [keyof NonNullable<Tool['annotations']>, string, string][] = [
  ['readOnlyHint', 'read-only', 'ok'],
  ['destructiveHint', 'destructive', 'bad'],
  ['idempotentHint', 'idempotent', 'muted'],
  ['openWorldHint', 'open world', 'muted'],
];

/** Tools the server listed; names and descriptions are the server's text, rendered as text. Memoised: it has no clock. */
export const ToolList = memo(function ToolList({ tools, selected, onSelect }: { tools: Tool[]; selected?: string; onSelect(name: string): void }) {
  if (tools.length === 0) return <p className="muted">The server lists no tools.</p>;
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const next = nextListIndex(
      e.key,
      tools.findIndex((t) => t.name === selected),
      tools.length,
    );
    if (next === undefined) return;
    e.preventDefault();
    onSelect(tools[next].name);
    (e.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <ul className="tool-list" role="listbox" aria-label="Tools" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <li
          key={`${index}:${tool.name}`}
          role="option"
          aria-selected={tool.name === selected}
          tabIndex={tool.name === selected ? 0 : -1}
          className={`tool-row${tool.name === selected ? ' selected' : ''}`}
          data-testid="tool-row"
          data-tool-name={tool.name}
          onClick={() => onSelect(tool.name)}
        >
          <div className="row-line">
            <CappedText as="code" className="tool-name" text={tool.name} limit={200} />
            {tool.title && tool.title !== tool.name && <CappedText className="muted" text={tool.title} limit={200} />}
            {ANNOTATIONS.filter(([key]) => tool.annotations?.[key] === true).map(([key, text, tone]) => (
              <span key={key} className={`badge badge-${tone}`}>
                {text}
              </span>
            ))}
            {tool.outputSchema && <span className="badge badge-muted">structured output</span>}
          </div>
          {tool.description && <CappedText as="div" className="muted small tool-description" text={tool.description} limit={1000} />}
        </li>
      ))}
    </ul>
  );
});
