import type { Prompt } from '@modelcontextprotocol/sdk/types.js';
import { memo } from 'react';
import type { PromptGetReport } from '../../utils/mcp/getPrompt';
import { CappedText } from './CappedText';
import { ContentItem } from './ContentItem';
import { Described, FieldsLeftOut, MAX_FIELDS, PickRow } from './ResourcePane';
import { OperationFailure, SessionActivityView } from './SessionActivityView';
import { RawExchange } from './RawExchange';

/** Prompts the server listed; a click opens the prompt's form. */
export const PromptList = memo(function PromptList({ prompts, selected, onSelect }: { prompts: Prompt[]; selected?: string; onSelect(name: string): void }) {
  if (prompts.length === 0) return <p className="muted">The server lists no prompts.</p>;
  return (
    <ul className="tool-list" aria-label="Prompts">
      {prompts.map((p, i) => (
        <PickRow
          key={`${i}:${p.name}`}
          selected={p.name === selected}
          data={{ 'data-testid': 'prompt-row', 'data-prompt-name': p.name }}
          onPick={() => onSelect(p.name)}
        >
          <Described name={p.name} title={p.title} description={p.description} />
        </PickRow>
      ))}
    </ul>
  );
});

/** The prompt's arguments (the first MAX_FIELDS) as a form (required ones marked), and Get. */
export function PromptForm(props: {
  prompt: Prompt;
  values: Record<string, string>;
  getting: boolean;
  onValue(name: string, value: string): void;
  onGet(): void;
}) {
  const all = props.prompt.arguments ?? [];
  const args = all.slice(0, MAX_FIELDS);
  const value = (name: string) => (Object.prototype.hasOwnProperty.call(props.values, name) ? props.values[name] : '');
  const missing = args.filter((a) => a.required && !value(a.name)).map((a) => a.name);
  return (
    <form
      className="tool-caller"
      onSubmit={(e) => {
        e.preventDefault();
        props.onGet();
      }}
    >
      <h4>
        Get <CappedText as="code" text={props.prompt.name} limit={200} />
      </h4>
      <div className="schema-form">
        {args.map((a, i) => (
          <label key={i} className="field">
            <span className="field-label">
              <CappedText text={a.name} limit={200} />
              {a.required && <span className="warn"> *</span>}
              {a.description && (
                <span className="muted">
                  {' '}
                  — <CappedText text={a.description} limit={500} />
                </span>
              )}
            </span>
            <input
              type="text"
              data-testid="prompt-arg"
              data-name={a.name}
              data-required={String(a.required === true)}
              aria-required={a.required === true}
              value={value(a.name)}
              onChange={(e) => props.onValue(a.name, e.target.value)}
            />
          </label>
        ))}
      </div>
      <FieldsLeftOut count={all.length} what="arguments" />
      {missing.length > 0 && <p className="muted small">Required: {missing.join(', ')} (the server may refuse without them).</p>}
      <button type="submit" className="primary" data-testid="prompt-get" disabled={props.getting}>
        {props.getting ? 'Getting…' : 'Get prompt'}
      </button>
    </form>
  );
}

/** The messages of the prompt last got: role, then content as content items. */
export const PromptMessagesView = memo(function PromptMessagesView({ report, copy }: { report: PromptGetReport; copy(text: string): Promise<boolean> }) {
  if (report.outcome !== 'pass' || !report.value) return <OperationFailure report={report} testId="prompt-error" copy={copy} />;
  const { messages, description } = report.value;
  return (
    <section className="report report-pass" data-testid="prompt-messages" data-prompt-name={report.prompt}>
      <p className="report-headline">
        <strong>
          {messages.length} message{messages.length === 1 ? '' : 's'}
        </strong>
        {description && (
          <span className="muted">
            {' '}
            — <CappedText text={description} limit={1000} />
          </span>
        )}
      </p>
      {messages.slice(0, 100).map((m, i) => (
        <div key={i} className="prompt-message" data-testid="prompt-message" data-role={m.role}>
          <span className="badge badge-muted">{m.role}</span>
          <ContentItem item={m.content} />
        </div>
      ))}
      <SessionActivityView report={report} />
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
});
