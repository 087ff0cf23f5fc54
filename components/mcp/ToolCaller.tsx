import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { useMemo, useState } from 'react';
import { jsonText } from '../../utils/mcp/jsonText';
import { argumentsText, argumentValue, parseArgumentsText, parseFieldInput, schemaForm, withArgument, type FormField } from '../../utils/mcp/schemaForm';
import { CappedJson, CappedText } from './CappedText';

interface Props {
  tool: Tool;
  argsText: string;
  argsError?: string;
  /** What the last check of the arguments could not check (a pattern that took too long …). */
  argsNote?: string;
  calling: boolean;
  onArgsText(text: string): void;
  onCall(): void;
}

/** A form generated from the tool's input schema, kept in step with the JSON arguments box (the source of truth). */
export function ToolCaller({ tool, argsText, argsError, argsNote, calling, onArgsText, onCall }: Props) {
  const form = useMemo(() => schemaForm(tool.inputSchema), [tool.inputSchema]);
  const parsed = useMemo(() => parseArgumentsText(argsText), [argsText]);
  const args = parsed.ok ? parsed.value : undefined;
  const [schemaOpen, setSchemaOpen] = useState(false);

  const setField = (field: FormField, text: string) => {
    if (!args) return;
    const value = parseFieldInput(field, text);
    if (!value.ok) return;
    onArgsText(argumentsText(withArgument(args, field.name, value.value)));
  };

  return (
    <form
      className="tool-caller"
      data-testid="tool-caller"
      onSubmit={(e) => {
        e.preventDefault();
        onCall();
      }}
    >
      <h4>
        Call <CappedText as="code" text={tool.name} limit={200} />
      </h4>
      {form.fields.length > 0 && (
        <div className="schema-form" aria-label="Arguments form">
          {form.fields.map((f) => (
            <FieldInput key={f.name} field={f} value={argumentValue(args, f.name)} disabled={!args} onChange={(text) => setField(f, text)} />
          ))}
        </div>
      )}
      {form.notes.map((note) => (
        <p key={note} className="muted small" data-testid="schema-form-note">
          {note}
        </p>
      ))}
      <label className="grow">
        <span className="field-label">Arguments (JSON)</span>
        <textarea
          data-testid="tool-args"
          rows={Math.min(10, Math.max(3, argsText.split('\n', 11).length))}
          spellCheck={false}
          value={argsText}
          onChange={(e) => onArgsText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onCall();
            }
          }}
          aria-describedby="tool-args-hint"
        />
        <span id="tool-args-hint" className="muted small">
          Ctrl+Enter calls the tool.
        </span>
      </label>
      {(argsError || !parsed.ok) && (
        <p className="input-error" data-testid="tool-args-error" role="alert">
          {argsError ?? (!parsed.ok ? parsed.error : '')}
        </p>
      )}
      {argsNote && (
        <p className="warn small" data-testid="tool-args-note">
          {argsNote}
        </p>
      )}
      <div className="target-actions">
        <button type="submit" className="primary" data-testid="tool-call" disabled={calling}>
          {calling ? 'Calling…' : `Call ${tool.name.length > 60 ? `${tool.name.slice(0, 60)}…` : tool.name}`}
        </button>
        {tool.annotations?.destructiveHint === true && <span className="warn small">This tool says it is destructive.</span>}
      </div>
      <details onToggle={(e) => setSchemaOpen(e.currentTarget.open)}>
        <summary className="small">Input schema</summary>
        {schemaOpen && <CappedJson value={tool.inputSchema} />}
      </details>
    </form>
  );
}

function FieldInput({ field, value, disabled, onChange }: { field: FormField; value: unknown; disabled: boolean; onChange(text: string): void }) {
  const id = `arg-${field.name}`;
  const label = (
    <label htmlFor={id} className="field-label">
      {field.name}
      {field.required && <span className="warn"> *</span>}
      {field.description && (
        <span className="muted">
          {' '}
          — <CappedText text={field.description} limit={500} />
        </span>
      )}
    </label>
  );
  const common = { id, disabled, 'data-arg': field.name };
  switch (field.kind) {
    case 'boolean':
      return (
        <div className="field">
          {label}
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(String(e.target.checked))} />
        </div>
      );
    case 'enum':
      // Options carry their JSON text, never the value itself: {"toString":1} is text like any other.
      return (
        <div className="field">
          {label}
          <select {...common} value={value === undefined ? '' : jsonText(value, { indent: 0 }).text} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            {field.options!.map((o, i) => (
              <option key={i} value={o.json}>
                {o.text}
              </option>
            ))}
          </select>
        </div>
      );
    case 'number':
    case 'integer':
      return (
        <div className="field">
          {label}
          <input
            {...common}
            type="number"
            step={field.kind === 'integer' ? 1 : 'any'}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      );
    case 'string':
      return (
        <div className="field">
          {label}
          <input {...common} type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
    default:
      return (
        <div className="field">
          {label}
          <input
            {...common}
            type="text"
            placeholder="JSON"
            defaultValue={value === undefined ? '' : jsonText(value, { indent: 0, maxChars: 10_000 }).text}
            onBlur={(e) => onChange(e.target.value)}
          />
        </div>
      );
  }
}
