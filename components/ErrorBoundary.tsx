import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/**
 * A failure in one part of the panel shows a readable message in that part, and the rest keeps
 * working — never a blank panel. "Try again" re-renders the part with the current data.
 */
export class ErrorBoundary extends Component<{ area: string; children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    if (import.meta.env.DEV) console.error(`[MCP Tokens] ${this.props.area} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="report report-fail" role="alert" data-testid="panel-error">
        <p className="report-headline">
          <strong>The {this.props.area} hit a problem and stopped showing:</strong> {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
