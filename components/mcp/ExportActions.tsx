import { useState } from 'react';
import { claudeConnectorSnippet, curlInitializeSnippet } from '../../utils/mcp/exportSnippets';
import { CopyButton } from '../CopyButton';

interface Props {
  url: string;
  serverName?: string;
  /** The token the test sent, if any; copied only when the user ticks the box. */
  token?: string;
  sendAs?: 'bearer' | 'cf-access-token';
  copy(text: string): Promise<boolean>;
}

/** Take the tested server elsewhere: the Claude API connector config and a curl call, token redacted by default. */
export function ExportActions({ url, serverName, token, sendAs, copy }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  const input = { url, serverName, sendAs, hasToken: token !== undefined, token: includeToken ? token : undefined };
  return (
    <div className="actions export-actions">
      <CopyButton label="Copy as Claude API MCP connector" text={() => claudeConnectorSnippet(input)} copy={copy} testId="copy-connector" />
      <CopyButton label="Copy as curl" text={() => curlInitializeSnippet(input)} copy={copy} testId="copy-curl" />
      {token !== undefined && (
        <label className="inline small">
          <input type="checkbox" data-testid="export-include-token" checked={includeToken} onChange={(e) => setIncludeToken(e.target.checked)} /> include the
          token (it is redacted otherwise)
        </label>
      )}
    </div>
  );
}
