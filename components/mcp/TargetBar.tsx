import type { TransportChoice } from '../../utils/mcp/mcpSession';
import type { StepName } from '../../utils/mcp/runToolsTest';

interface Props {
  url: string;
  suggestions: string[];
  transport: TransportChoice;
  timeoutSeconds: number;
  running?: StepName;
  inputError?: string;
  onUrl(url: string): void;
  onTransport(t: TransportChoice): void;
  onTimeout(seconds: number): void;
  onTest(): void;
  onCancel(): void;
  /** Runs the auth checks against the endpoint; `checkingAuth` while they run. */
  onCheckAuth(): void;
  checkingAuth: boolean;
}

const STEP_TEXT: Record<StepName, string> = {
  connect: 'Connecting and initializing…',
  initialize: 'Initializing…',
  'tools/list': 'Listing tools…',
  'resources/list': 'Listing resources…',
  'prompts/list': 'Listing prompts…',
};

export function TargetBar({
  url,
  suggestions,
  transport,
  timeoutSeconds,
  running,
  inputError,
  onUrl,
  onTransport,
  onTimeout,
  onTest,
  onCancel,
  onCheckAuth,
  checkingAuth,
}: Props) {
  return (
    <form
      className="target-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onTest();
      }}
    >
      <label className="grow">
        <span className="field-label">MCP endpoint</span>
        <input
          data-testid="target-url"
          type="url"
          list="mcp-target-suggestions"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://portal.example.com/mcp"
          value={url}
          onChange={(e) => onUrl(e.target.value)}
          aria-invalid={inputError ? true : undefined}
        />
        <datalist id="mcp-target-suggestions">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label>
        <span className="field-label">Transport</span>
        <select data-testid="transport-choice" value={transport} onChange={(e) => onTransport(e.target.value as TransportChoice)}>
          <option value="auto">Auto (Streamable HTTP, then SSE)</option>
          <option value="streamable-http">Streamable HTTP</option>
          <option value="sse">Legacy SSE</option>
        </select>
      </label>
      <label>
        <span className="field-label">Timeout (s)</span>
        <input
          data-testid="timeout-seconds"
          className="narrow"
          type="number"
          min={1}
          max={300}
          value={timeoutSeconds}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isFinite(n) && n > 0 && n <= 300) onTimeout(n);
          }}
        />
      </label>
      <div className="target-actions">
        <button type="submit" className="primary" data-testid="test-tools-now" disabled={Boolean(running)}>
          Test tools now
        </button>
        <button
          type="button"
          data-testid="check-auth"
          disabled={checkingAuth}
          onClick={onCheckAuth}
          title="Is the server's OAuth set up so a spec-following MCP client can sign in and refresh?"
        >
          {checkingAuth ? 'Checking auth…' : 'Check auth'}
        </button>
        {(running || checkingAuth) && (
          <button type="button" data-testid="test-cancel" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {running && (
        <p className="progress" data-testid="test-progress" role="status">
          <span className="spinner" aria-hidden="true" /> {STEP_TEXT[running]}
        </p>
      )}
      {inputError && (
        <p className="input-error" data-testid="target-error" role="alert">
          {inputError}
        </p>
      )}
    </form>
  );
}
