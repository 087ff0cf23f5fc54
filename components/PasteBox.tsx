import { useState, type FormEvent } from 'react';

/** Paste a token, "Bearer …" or a header line; the parent validates and reports errors via `error`. */
export function PasteBox({ error, onSubmit }: { error?: string; onSubmit(text: string): boolean }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onSubmit(text)) setText('');
  };
  return (
    <form className="paste-box" onSubmit={submit}>
      <label htmlFor="paste-input" className="visually-hidden">
        Paste a token
      </label>
      <input
        id="paste-input"
        data-testid="paste-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="Paste a token, “Bearer …” or an Authorization: line"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'paste-error' : undefined}
      />
      <button type="submit" data-testid="paste-submit">
        Add
      </button>
      {error && (
        <p id="paste-error" className="paste-error" data-testid="paste-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
