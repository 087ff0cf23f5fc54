import { useState } from 'react';
import type { TokenRow } from '../../utils/capture/tokenLedger';
import { HAND_OFF_FORMATS, handOffProblem, handOffSnippet } from '../../utils/lifecycle/handOff';
import type { Lineage } from '../../utils/lifecycle/model';
import { formatRelative, formatUtc } from '../../utils/tokens/expiry';
import { maskToken } from '../../utils/tokens/fingerprint';
import { chooseHandOff, handOffLineages } from './handOffChoice';
import { CopyButton } from '../CopyButton';

interface Props {
  lineages: Lineage[];
  rows: TokenRow[];
  nowMs: number;
  /** The token selected in the list: its lineage is the default. */
  selected?: string;
  /** The newest MCP endpoint the page used: the default target. */
  defaultUrl?: string;
  copy(text: string): Promise<boolean>;
}

/**
 * The newest live token of a lineage, ready for another tool: one preview per format, each exactly
 * what its button copies. Derived on every render, so after a rotation the same button copies the
 * fresh token. The token is `<TOKEN>` unless the user ticks the box.
 */
export function HandOffView({ lineages, rows, nowMs, selected, defaultUrl, copy }: Props) {
  const [chosenKey, setChosenKey] = useState<string>();
  const [typedUrl, setTypedUrl] = useState<string>();
  const [includeToken, setIncludeToken] = useState(false);
  const choice = chooseHandOff(lineages, rows, nowMs, chosenKey, selected);
  if (!choice) return <p className="muted">No access token to hand on yet.</p>;
  const candidates = handOffLineages(lineages);
  const url = typedUrl ?? defaultUrl ?? '';
  const expiresAtSeconds = choice.token.expiresAtMs === undefined ? undefined : Math.floor(choice.token.expiresAtMs / 1000);
  const input = { url, token: includeToken ? choice.row.value : undefined, sendAs: choice.sendAs, expiresAtSeconds, nowMs };
  const problem = handOffProblem(input);
  return (
    <div className="hand-off" data-testid="hand-off" data-fingerprint={choice.token.fingerprint}>
      <div className="hand-off-inputs">
        {candidates.length > 1 && (
          <label>
            Lineage{' '}
            <select data-testid="export-lineage" value={choice.lineage.key} onChange={(e) => setChosenKey(e.target.value)}>
              {candidates.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label} ({l.tokens.length} token{l.tokens.length === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="grow">
          Target URL{' '}
          <input
            data-testid="export-target-url"
            type="url"
            value={url}
            placeholder="https://your-server.example/mcp"
            onChange={(e) => setTypedUrl(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" data-testid="export-include-token" checked={includeToken} onChange={(e) => setIncludeToken(e.target.checked)} /> include the
          token
        </label>
      </div>
      {problem && (
        <p className="warn" data-testid="export-problem">
          No snippet can be made: {problem}
        </p>
      )}
      <p className={choice.expired ? 'warn' : 'muted'} data-testid="export-token">
        Token <code>{maskToken(choice.row.value)}</code> (<code>{choice.token.fingerprint}</code>)
        {expiresAtSeconds === undefined
          ? ', expiry unknown'
          : `, ${choice.expired ? 'expired' : 'expires'} ${formatUtc(expiresAtSeconds)}, ${formatRelative(expiresAtSeconds, nowMs)}`}
        {choice.expired && ': no token of this lineage is valid any more, a server will refuse these'}
        {includeToken ? '. The snippets below contain it: treat them as the credential they are.' : '. Redacted as <TOKEN> until you tick "include the token".'}
      </p>
      {HAND_OFF_FORMATS.map(({ format, label }) => {
        const text = handOffSnippet(format, input);
        return (
          <div key={format} className="hand-off-format">
            <div className="hand-off-head">
              <strong>{label}</strong>
              <CopyButton label="Copy" text={text} copy={copy} testId="export-copy" data={{ 'data-format': format }} />
            </div>
            <pre data-testid="export-preview" data-format={format}>
              {text}
            </pre>
          </div>
        );
      })}
    </div>
  );
}
