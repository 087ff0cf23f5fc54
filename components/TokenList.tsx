import { memo, type KeyboardEvent } from 'react';
import type { ExpiryStatus } from '../utils/tokens/expiry';
import { maskToken } from '../utils/tokens/fingerprint';
import type { TokenRow } from '../utils/capture/tokenLedger';
import { tokenLabel, tokenTiming } from '../utils/tokens/tokenTiming';
import { StatusPill } from './StatusPill';
import { nextListIndex } from '../utils/panel/listKeyboard';
import { TokenCountdown } from './TokenCountdown';

interface Props {
  rows: TokenRow[];
  /** Old fingerprint → the fingerprint of the token that replaced it. */
  rotations: Map<string, string>;
  selected?: string;
  nowMs: number;
  warningWindowSeconds: number;
  onSelect(fingerprint: string): void;
}

/** The captured tokens; arrow keys move the selection like any DevTools list. */
export function TokenList({ rows, rotations, selected, nowMs, warningWindowSeconds, onSelect }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = nextListIndex(
      event.key,
      rows.findIndex((r) => r.fingerprint === selected),
      rows.length,
    );
    if (next === undefined) return;
    event.preventDefault();
    onSelect(rows[next].fingerprint);
    (event.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };

  return (
    <ul className="token-list" role="listbox" aria-label="Captured tokens" onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const timing = tokenTiming(row, nowMs, warningWindowSeconds);
        return (
          <TokenListItem
            key={row.fingerprint}
            row={row}
            status={timing.status}
            expiresAt={timing.facts.expiresAt}
            remaining={timing.remaining}
            selected={row.fingerprint === selected}
            rotated={rotations.has(row.fingerprint)}
            onSelect={onSelect}
          />
        );
      })}
    </ul>
  );
}

interface ItemProps {
  row: TokenRow;
  status: ExpiryStatus;
  expiresAt?: number;
  remaining?: number;
  selected: boolean;
  rotated: boolean;
  onSelect(fingerprint: string): void;
}

/** One row; memoised on primitives, so the many re-renders that change nothing for it (stats, other rows) cost nothing. */
const TokenListItem = memo(function TokenListItem({ row, status, expiresAt, remaining, selected, rotated, onSelect }: ItemProps) {
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={`token-row${selected ? ' selected' : ''}`}
      data-testid="token-row"
      data-kind={row.decoded.kind}
      data-status={status}
      data-expires-at={expiresAt ?? ''}
      data-sources={row.sources.join(' ')}
      data-fingerprint={row.fingerprint}
      data-rotated={rotated ? 'true' : undefined}
      onClick={() => onSelect(row.fingerprint)}
      onFocus={() => onSelect(row.fingerprint)}
    >
      <div className="row-line">
        <span className={`kind kind-${row.decoded.kind}`}>{row.decoded.kind.toUpperCase()}</span>
        <span className="row-label">{tokenLabel(row)}</span>
        {rotated && <span className="badge badge-muted">rotated</span>}
        {status === 'unknown' && row.expiryLost && (
          <span className="badge badge-warn" data-testid="expiry-lost" title="Its token response was dropped by DevTools before it could be read">
            expiry lost
          </span>
        )}
        <StatusPill status={status} />
      </div>
      <div className="row-line row-sub">
        <code className="masked">{maskToken(row.value)}</code>
        <span className="row-origin" title={row.origins.join('\n')}>
          {row.origins.at(-1)}
        </span>
        <TokenCountdown status={status} remaining={remaining} testId="row-countdown" />
      </div>
    </li>
  );
});
