import { useState } from 'react';
import { handOffSnippet } from '../../utils/lifecycle/handOff';
import type { HandOffFormat } from '../../utils/lifecycle/model';
import { CopyButton } from '../CopyButton';

interface Props {
  url: string;
  serverName?: string;
  /** The token the test sent, if any; copied only when the user ticks the box. */
  token?: string;
  /** Its expiry (Unix seconds), stamped on the snippet. */
  expiresAt?: number;
  sendAs?: 'bearer' | 'cf-access-token';
  copy(text: string): Promise<boolean>;
}

/**
 * Take the tested server elsewhere: the Claude API connector request and a curl call, token redacted
 * by default — the same snippets as the lifecycle view's hand-off (one home for every format).
 */
export function ExportActions({ url, serverName, token, expiresAt, sendAs, copy }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  const snippet = (format: HandOffFormat) => () =>
    handOffSnippet(format, {
      url,
      serverName,
      sendAs: sendAs ?? 'bearer',
      token: includeToken ? token : undefined,
      withoutToken: token === undefined,
      expiresAtSeconds: expiresAt,
      nowMs: Date.now(),
    });
  return (
    <div className="actions export-actions">
      <CopyButton label="Copy as Claude API MCP connector" text={snippet('claude-api')} copy={copy} testId="copy-connector" />
      <CopyButton label="Copy as curl" text={snippet('curl')} copy={copy} testId="copy-curl" />
      {token !== undefined && (
        <label className="inline small">
          <input type="checkbox" data-testid="export-include-token" checked={includeToken} onChange={(e) => setIncludeToken(e.target.checked)} /> include the
          token (it is redacted otherwise)
        </label>
      )}
    </div>
  );
}
