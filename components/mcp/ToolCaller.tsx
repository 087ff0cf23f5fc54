import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { formFieldsFromSchema, parseArgumentsText, parseFieldInput, type FormField } from '../../utils/mcp/schemaForm';

interface Props {
  tool: Tool;
  argsText: string;
  argsError?: string;
  calling: boolean;
  onArgsText(text: string): void;
  onCall(): void;
  onCancel(): void;
}

/** A form generated from the tool's input schema, kept in step with the JSON arguments box (the source of truth). */
export function ToolCaller({ tool, argsText, argsError, calling, onArgsText, onCall, onCancel }: Props) {
  const fields = formFieldsFromSchema(tool.inputSchema);
  const parsed = parseArgumentsText(argsText);
  const args = parsed.ok ? parsed.value : undefined;

  const setField = (field: FormField, text: string) => {
    if (!args) return;
    const value = parseFieldInput(field, text);
    if (!value.ok) return;
    const next = { ...args };
    if (value.value === undefined) delete next[field.name];
    else next[field.name] = value.value;
    onArgsText(JSON.stringify(next, null, 2));
  };

  return (
    <form
      className="tool-caller"
      onSubmit={(e) => {
        e.preventDefault();
        onCall();
      }}
    >
      <h4>
        Call <code>{tool.name}</code>
      </h4>
      {fields.length > 0 && (
        <div className="schema-form" aria-label="Arguments form">
          {fields.map((f) => (
            <FieldInput key={f.name} field={f} value={args?.[f.name]} disabled={!args} onChange={(text) => setField(f, text)} />
          ))}
        </div>
      )}
      <label className="grow">
        <span className="field-label">Arguments (JSON)</span>
        <textarea
          data-testid="tool-args"
          rows={Math.min(10, Math.max(3, argsText.split('\n').length))}
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
      <div className="target-actions">
        <button type="submit" className="primary" data-testid="tool-call" disabled={calling}>
          {calling ? 'Calling…' : `Call ${tool.name}`}
        </button>
        {calling && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {tool.annotations?.destructiveHint === true && <span className="warn small">This tool says it is destructive.</span>}
      </div>
      <details>
        <summary className="small">Input schema</summary>
        <pre className="json">{JSON.stringify(tool.inputSchema, null, 2)}</pre>
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
      {field.description && <span className="muted"> — {field.description}</span>}
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
      return (
        <div className="field">
          {label}
          <select {...common} value={value === undefined ? '' : JSON.stringify(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            {field.options!.map((o) => (
              <option key={JSON.stringify(o)} value={JSON.stringify(o)}>
                {String(o)}
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
            defaultValue={value === undefined ? '' : JSON.stringify(value)}
            onBlur={(e) => onChange(e.target.value)}
          />
        </div>
      );
  }
}
