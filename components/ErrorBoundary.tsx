import { Component, type ErrorInfo, type ReactNode } from 'react';
import { capText } from '../utils/mcp/jsonText';

interface Props {
  area: string;
  /**
   * Clears whatever made this part fail (the selected tool, the result …), so it can show again
   * without reopening DevTools. Without it, "Try again" re-renders the part with the same data.
   */
  onReset?: () => void;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * A failure in one part of the panel shows a readable message in that part, and the rest keeps
 * working — never a blank panel.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    if (import.meta.env.DEV) console.error(`[MCP Tokens] ${this.props.area} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const { onReset } = this.props;
    return (
      <div className="report report-fail" role="alert" data-testid="panel-error" data-area={this.props.area}>
        <p className="report-headline">
          <strong>The {this.props.area} hit a problem and stopped showing:</strong> {capText(String(this.state.error.message), 300).text}
        </p>
        <button
          type="button"
          data-testid="panel-error-reset"
          onClick={() => {
            onReset?.();
            this.setState({ error: undefined });
          }}
        >
          {onReset ? 'Reset' : 'Try again'}
        </button>
      </div>
    );
  }
}
