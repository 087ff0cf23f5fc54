import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

/** The boundary's own render, driven by hand: Node has no DOM to let React catch a render error. */
function boundary(onReset?: () => void) {
  const b = new ErrorBoundary({ area: 'tool form', onReset, children: createElement('p', null, 'the form') });
  b.setState = ((next: object) => Object.assign(b.state, next)) as typeof b.setState;
  return b;
}

function resetButton(node: ReactNode): ReactElement<{ onClick(): void; children: ReactNode }> | undefined {
  if (!isValidElement(node)) return undefined;
  const props = node.props as { 'data-testid'?: string; children?: ReactNode };
  if (props['data-testid'] === 'panel-error-reset') return node as ReactElement<{ onClick(): void; children: ReactNode }>;
  for (const child of ([] as ReactNode[]).concat(props.children ?? [])) {
    const found = resetButton(child);
    if (found) return found;
  }
  return undefined;
}

describe('ErrorBoundary', () => {
  it('shows the failure in its own area with a Reset that clears what crashed, then shows the part again', () => {
    const onReset = vi.fn();
    const b = boundary(onReset);
    b.state = ErrorBoundary.getDerivedStateFromError(new TypeError('Cannot convert object to primitive value'));
    const shown = b.render();
    expect(renderToString(shown as ReactElement).replace(/<!-- -->/g, '')).toContain('The tool form hit a problem and stopped showing:');
    const button = resetButton(shown)!;
    expect(button.props.children).toBe('Reset');
    button.props.onClick();
    expect(onReset).toHaveBeenCalledOnce();
    expect(b.state.error).toBeUndefined();
    expect(renderToString(b.render() as ReactElement)).toBe('<p>the form</p>');
  });

  it('offers "Try again" where nothing needs clearing', () => {
    const b = boundary();
    b.state = ErrorBoundary.getDerivedStateFromError(new Error('x'.repeat(100_000)));
    const shown = b.render();
    expect(resetButton(shown)!.props.children).toBe('Try again');
    expect(renderToString(shown as ReactElement).length).toBeLessThan(2_000);
  });
});
