import { useState } from 'react';
import type { SignatureCheck as Check } from '../utils/tokens/jwksUrl';

export type SignatureState = Check | { state: 'running'; jwksUrl: string };

interface Props {
  suggestedUrl?: string;
  result?: SignatureState;
  onVerify(jwksUrl: string): void;
}

/**
 * Checks the signature against a key set the user names (pre-filled from "iss", never from the
 * token's own "jku"/"x5u"): "valid" means "signed by a key published at this URL", nothing more.
 */
export function SignatureCheck({ suggestedUrl, result, onVerify }: Props) {
  const [url, setUrl] = useState(result?.jwksUrl ?? suggestedUrl ?? '');
  return (
    <form
      className="signature-check"
      onSubmit={(e) => {
        e.preventDefault();
        if (url.trim()) onVerify(url.trim());
      }}
    >
      <label className="grow">
        <span className="field-label">Issuer key set (JWKS URL)</span>
        <input
          data-testid="jwks-url"
          type="url"
          spellCheck={false}
          placeholder="https://issuer.example.com/.well-known/jwks.json"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="verify-signature" disabled={result?.state === 'running' || url.trim() === ''}>
        {result?.state === 'running' ? 'Checking…' : 'Verify signature'}
      </button>
      {result && result.state !== 'running' && (
        <p className={`small ${result.state === 'valid' ? 'ok' : 'warn'}`} data-testid="signature-result" data-state={result.state} role="status">
          {result.state === 'valid'
            ? `Valid: signed with ${result.alg} by key ${result.kid ?? '(no kid)'} published at ${result.jwksUrl}. Make sure that URL is the issuer you trust.`
            : result.reason}
        </p>
      )}
    </form>
  );
}
